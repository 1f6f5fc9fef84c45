package eventshop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, Debian's (/usr/bin/chromium, driven by /usr/bin/chromedriver, both installed by
 * bin/eventshop test): both paths are given, so Selenium Manager never runs and nothing is downloaded. Each
 * browser has a fresh profile, so no login survives from one test to the next. Public for the scale-out test
 * (eventshop.it.scale), which shows the deployment group and the broker pair in the same consoles.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots", "target/screenshots"));

    private final Path profile;
    public final ChromeDriver driver;

    public Browser() {
        try {
            profile = Files.createTempDirectory("eventshop-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                        "--window-size=1280,800",
                        // Payara's admin console speaks HTTPS only, with the domain's self-signed certificate.
                        "--ignore-certificate-errors");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    /**
     * Every request of this browser, the page's own fetch calls included, carries the operator's HTTP basic
     * credentials: what the browser would send after its login dialog, which a headless browser cannot show.
     */
    Browser loggedInAs(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
        return this;
    }

    /**
     * Shows the page as a screen 1/scale as large would, in the same 1280x800 pixels: a long console table
     * fits in one small screenshot.
     */
    public void zoomOut(double scale) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", (int) (1280 / scale),
                "height", (int) (800 / scale), "deviceScaleFactor", scale, "mobile", false));
    }

    /** Waits until the condition holds (a non-null, non-false answer); a page re-rendered meanwhile is asked again. */
    public <T> T await(Duration atMost, Function<WebDriver, T> condition) {
        return await(atMost, Duration.ofMillis(250), condition);
    }

    public <T> T await(Duration atMost, Duration pollEvery, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, atMost, pollEvery);
        wait.ignoring(StaleElementReferenceException.class);
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            // What the browser showed when the test gave up, to see why.
            screenshot("timed-out-" + System.currentTimeMillis());
            throw e;
        }
    }

    /** Saves what the browser shows as target/screenshots/{name}.png, and the page's HTML beside it. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Logs in to the Payara admin console (https://host:adminport/) as the build's it.admin.user. The console
     * deploys itself on the first request and shows a "loading" page meanwhile: reloaded until the form shows.
     */
    public void logInToPayaraConsole(String console, Duration patience) {
        driver.get(console);
        WebElement user = await(patience, Duration.ofSeconds(5), d -> {
            List<WebElement> field = d.findElements(By.name("j_username"));
            if (field.isEmpty()) {
                d.navigate().refresh();
                return null;
            }
            return field.get(0);
        });
        logIn(patience, user, By.name("j_password"), By.id("loginButton"), "it.admin");
    }

    /** Logs in to an Artemis web console (http://host:port/console/) as the build's it.broker.admin.user. */
    public void logInToArtemisConsole(String console, Duration patience) {
        driver.get(console);
        WebElement user = await(patience, d -> d.findElement(By.id("pf-login-username-id")));
        logIn(patience, user, By.id("pf-login-password-id"), By.cssSelector("button[type='submit']"), "it.broker.admin");
    }

    /**
     * Fills a console's login form with the user and password of the build's properties {prefix}.user and
     * {prefix}.password, and waits until the console has let them in (the form is gone).
     */
    private void logIn(Duration patience, WebElement userField, By passwordField, By submit, String prefix) {
        userField.sendKeys(System.getProperty(prefix + ".user"));
        driver.findElement(passwordField).sendKeys(System.getProperty(prefix + ".password"));
        driver.findElement(submit).click();
        await(patience, d -> {
            try {
                return !userField.isDisplayed();
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
