package com.lightpress.extraction;

import com.lightpress.platform.modules.ModuleActivation;
import com.lightpress.testing.Deployment;
import com.lightpress.testing.MailArchive;
import com.lightpress.testing.OAuthClient.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Extraction as it happens in production: the monolith runs and leaves work unfinished in every
 * module (emails SMTP refused, mail held back by quiet hours, a Stripe webhook whose processing
 * fails, an account disabled and one closed whose modules have not caught up), then restarts as a
 * split for each module in turn, then folds back into one process. One step kills a process
 * without warning in the middle of a burst of work. At the end every effect has happened exactly
 * once: each email sent once, Stripe told once, every publication complete, every queue drained.
 */
class ExtractionMigrationTests {

    Deployment deployment = new Deployment()
            .setting("lightpress.notifications.deferred-interval", "1s")
            .setting("lightpress.notifications.retry.first-delay", "1s")
            .setting("lightpress.notifications.retry.max-delay", "2s");
    MailArchive mail = new MailArchive();
    MigrationWork work = new MigrationWork(deployment, mail);

    @AfterEach
    void stop() {
        deployment.close();
        mail.restartSmtp();
    }

    @Test
    void aRunningDeploymentIsSplitModuleByModuleAndFoldedBackWithEveryEffectOnce() {
        var expected = new ArrayList<Email>();

        monolithLeavesWorkInFlightInEveryModule(expected);
        usersRunsAlone();
        authRunsAloneAndTakesOverItsUnfinishedWork(expected);
        billingRunsAloneAndTakesOverItsUnfinishedWork(expected);
        notificationsRunsAloneWhileTheMainProcessIsKilledMidBurst(expected);
        everythingFoldsBackIntoOneProcess();

        mail.awaitExactlyOnce(Email.pairs(expected));
        work.assertNothingLeftAnywhere();
    }

    private void monolithLeavesWorkInFlightInEveryModule(List<Email> expected) {
        layOut(null);
        deployment.start("main");
        work.setUp();
        expected.addAll(work.verificationEmailsSoFar());

        mail.stopSmtp();
        expected.add(work.signUpWhileSmtpIsDown("Erin"));
        expected.add(work.receiptHeldBackByQuietHours());
        expected.add(work.subscriptionWebhookWhileStripeFails());
        work.disableAccountWhileAuthCannotWrite();
        work.closeAccountWhileStripeCannotCancel();
        work.awaitUnfinished("auth", "billing", "notifications");
        deployment.stop("main");
    }

    private void usersRunsAlone() {
        layOut("users");
        deployment.startTogether(List.of("users", "main"), List.of());

        work.usersServesItsApi();
        deployment.stopAll();
    }

    private void authRunsAloneAndTakesOverItsUnfinishedWork(List<Email> expected) {
        work.letAuthWriteAgain();
        layOut("auth");
        deployment.startTogether(List.of("auth", "main"), List.of());

        work.awaitAuthCaughtUp();
        expected.add(work.signUpWhileSmtpIsDown("Frank"));
        deployment.stopAll();
    }

    private void billingRunsAloneAndTakesOverItsUnfinishedWork(List<Email> expected) {
        work.letStripeAnswerAgain();
        layOut("billing");
        deployment.startTogether(List.of("billing", "main"), List.of());

        work.awaitBillingCaughtUp();
        expected.add(work.payInvoice());
        work.awaitUnfinished("notifications");
        deployment.stopAll();
    }

    private void notificationsRunsAloneWhileTheMainProcessIsKilledMidBurst(List<Email> expected) {
        mail.restartSmtp();
        layOut("notifications");
        deployment.startTogether(List.of("notifications", "main"), List.of("main"));
        work.awaitAllSentSoFar(expected);

        mail.stopSmtp();
        expected.add(work.payInvoice());
        work.awaitUnfinishedIn("lightpress_notifications", "notifications");
        work.keepNotificationsFromWriting();
        expected.add(work.payInvoice());
        work.awaitFailedIn("lightpress_notifications", "notifications"); // for the fold-back to take over
        deployment.stop("notifications");
        work.letNotificationsWriteAgain();
        expected.addAll(work.paidInvoicesQueuedForNotifications(5));
        expected.addAll(work.paidInvoicesStillBeingProcessed(5));
        deployment.stop("main"); // SIGKILL: it runs in a JVM of its own
        work.stripeAnswersPromptly();
        mail.restartSmtp();
    }

    /**
     * The main process runs every module again: it drains notifications' queue and takes over
     * what the extracted process left unfinished in its registry schema.
     */
    private void everythingFoldsBackIntoOneProcess() {
        layOut(null);
        deployment.start("main");
    }

    /** The main process with every module but the extracted one, which runs in its own. */
    private void layOut(@Nullable String extracted) {
        ModuleActivation.MODULES.forEach(deployment::without);
        deployment.with(
                "main",
                "lightpress",
                ModuleActivation.MODULES.stream()
                        .filter(module -> !module.equals(extracted))
                        .toArray(String[]::new));
        if (extracted != null) {
            deployment.with(extracted, "lightpress_" + extracted, extracted);
        }
    }

    /** An email that must arrive exactly once. */
    record Email(String to, String subject) {

        static Email of(TestUser user, String subject) {
            return new Email(user.email(), subject);
        }

        static List<Map.Entry<String, String>> pairs(List<Email> emails) {
            return emails.stream()
                    .map(email -> Map.entry(email.to(), email.subject()))
                    .toList();
        }
    }
}
