package com.lightpress.client;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the web client and on auth's login page, in the words of the tests. */
final class ClientPage {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;

    ClientPage(ChromeDriver driver, int port) {
        this(driver, "127.0.0.1", port);
    }

    ClientPage(ChromeDriver driver, String host, int port) {
        this.driver = driver;
        this.base = "http://" + host + ":" + port;
    }

    String base() {
        return base;
    }

    /** A wait whose failure says where the browser was and what it showed, as CI keeps no screenshot. */
    private WebDriverWait patiently() {
        var wait = new WebDriverWait(driver, PATIENCE);
        wait.withMessage(() -> {
            try {
                var text = String.valueOf(script("return document.body ? document.body.innerText : '';"));
                return "the browser was at " + driver.getCurrentUrl() + " showing: "
                        + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
            } catch (RuntimeException e) {
                return "the page could not be read: " + e.getMessage();
            }
        });
        return wait;
    }

    /** Opens a route of the client, such as {@code #/profile}. */
    ClientPage open(String route) {
        driver.get(base + "/app/" + route);
        return this;
    }

    WebElement await(By locator) {
        return patiently().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void awaitText(By locator, String text) {
        patiently().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    void awaitUrl(String fragment) {
        patiently().until(ExpectedConditions.urlContains(fragment));
    }

    void awaitGone(By locator) {
        patiently().until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    void awaitAttribute(By locator, String attribute, String value) {
        patiently().until(ExpectedConditions.attributeToBe(locator, attribute, value));
    }

    void type(By locator, String text) {
        var input = await(locator);
        input.clear();
        input.sendKeys(text);
    }

    /** Sets an input's value as a picker would (time inputs take keys by the browser's locale). */
    void pick(By locator, String value) {
        script(
                "arguments[0].value = arguments[1];"
                        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                await(locator),
                value);
    }

    /** Clicks the element once it is clickable, finding it again if the page re-renders it meanwhile. */
    void click(By locator) {
        patiently().ignoring(StaleElementReferenceException.class).until(page -> {
            var element = ExpectedConditions.elementToBeClickable(locator).apply(page);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Fills in auth's server-rendered login page and waits to be back in the client. */
    void logInOnAuthPage(String email, String password) {
        awaitUrl("/login");
        type(By.id("email"), email);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitUrl("/app/");
        await(By.id("logout"));
    }

    /** Enters email and password on auth's login page and waits for the second step they lead to. */
    void passwordUpToSecondStep(String email, String password) {
        awaitUrl("/login");
        type(By.id("email"), email);
        type(By.id("password"), password);
        click(By.cssSelector("form button[type=submit]"));
        awaitUrl("/login/second-factor");
    }

    /** Logs in from the client's "please log in" screen of a protected route. */
    void logInAt(String route, String email, String password) {
        open(route);
        click(By.id("login-to-continue"));
        logInOnAuthPage(email, password);
    }

    /** The error shown next to a form field, found through the field's aria-describedby. */
    String errorNextTo(By field) {
        var input = await(field);
        patiently().until(ExpectedConditions.attributeToBe(field, "aria-invalid", "true"));
        var described = input.getDomAttribute("aria-describedby");
        var texts = new StringBuilder();
        for (var id : described.split(" ")) {
            driver.findElements(By.id(id)).stream()
                    .filter(element -> element.getDomAttribute("class").contains("field-error"))
                    .forEach(element -> texts.append(element.getText()));
        }
        return texts.toString();
    }
}
