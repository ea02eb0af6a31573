package com.lightpress.client;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium from the machine's packages, driven through its chromedriver. Both paths are
 * set explicitly, so Selenium Manager never looks for (or downloads) a browser. Without Chromium
 * the browser tests are skipped with a message saying how to install it, except in CI, where a
 * missing browser is an error.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("lightpress.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("lightpress.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);
    private static final Dimension DESKTOP = new Dimension(1280, 900);

    private static boolean warned;

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with a fresh profile, or skips the calling tests when there is none. */
    static Chromium start() {
        var installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        var message = "The web client's browser tests need Chromium and its driver at " + BINARY + " and " + DRIVER
                + ". On Debian or Ubuntu: sudo apt-get install chromium chromium-driver"
                + " (or point -Dlightpress.chromium and -Dlightpress.chromedriver at yours).";
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(message);
        }
        if (!installed && !warned) {
            warned = true;
            LOG.warn("Skipping the browser tests. {}", message);
        }
        assumeTrue(installed, message);
        try {
            var profile = Files.createTempDirectory("lightpress-chromium-");
            var options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--lang=en-US",
                    "--user-data-dir=" + profile.toAbsolutePath());
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            var driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(DESKTOP);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Forgets cookies and storage of the origin, as a new visitor would arrive. */
    void forgetEverything(String base) {
        driver.get(base + "/actuator/health");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear(); sessionStorage.clear();");
        driver.manage().deleteAllCookies();
        desktopSize();
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows the page at a phone's width. */
    void phoneSize() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void desktopSize() {
        driver.manage().window().setSize(DESKTOP);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
