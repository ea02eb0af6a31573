package com.lightpress.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A page listing every email the local run has sent, newest first, so a person can read them. It
 * is a test component: only the local run registers it.
 */
@TestComponent
@RestController
public class LocalMailbox {

    private final GreenMail smtp;

    LocalMailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    @GetMapping(value = "/local/mailbox", produces = MediaType.TEXT_HTML_VALUE)
    String list() {
        var messages = smtp.getReceivedMessages();
        var rows = IntStream.range(0, messages.length)
                .map(i -> messages.length - 1 - i)
                .mapToObj(i -> row(i, messages[i]))
                .collect(Collectors.joining());
        return page(
                "Mailbox (" + messages.length + ")",
                "<table><tr><th>To</th><th>Subject</th><th>Sent</th></tr>" + rows + "</table>");
    }

    @GetMapping(value = "/local/mailbox/{index}", produces = MediaType.TEXT_HTML_VALUE)
    String show(@PathVariable int index) throws MessagingException {
        var message = smtp.getReceivedMessages()[index];
        var headers = "<p><b>To:</b> %s<br><b>Subject:</b> %s</p>"
                .formatted(escape(recipients(message)), escape(message.getSubject()));
        var body = "<pre style='white-space:pre-wrap'>" + escape(GreenMailUtil.getBody(message)) + "</pre>";
        return page(message.getSubject(), "<p><a href='/local/mailbox'>&larr; all mail</a></p>" + headers + body);
    }

    private static String row(int index, MimeMessage message) {
        try {
            return "<tr><td>%s</td><td><a href='/local/mailbox/%d'>%s</a></td><td>%s</td></tr>"
                    .formatted(escape(recipients(message)), index, escape(message.getSubject()), message.getSentDate());
        } catch (MessagingException e) {
            return "<tr><td colspan=3>unreadable message</td></tr>";
        }
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        var all = message.getAllRecipients();
        return all == null ? "" : Arrays.stream(all).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String page(String title, String content) {
        return "<!doctype html><html lang=en><meta charset=utf-8><title>%s</title><body style='font-family:sans-serif'>"
                        .formatted(escape(title))
                + "<h1>" + escape(title) + "</h1>" + content + "</body></html>";
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
