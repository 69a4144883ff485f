package org.helpdesk.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium per test class, for real-browser tests. Register it as a static field:
 * <pre>{@code @RegisterExtension static final Browser browser = new Browser();}</pre>
 * It uses Debian's {@code chromium} and {@code chromium-driver} (see {@link #available()}); the driver executable
 * is given explicitly, so Selenium Manager never runs (no download, no telemetry). Every browser gets a fresh
 * profile directory, deleted afterwards.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private WebDriver driver;
    private Path profileDir;
    private String currentTest = "browser";
    private final List<LogEntry> console = new ArrayList<>();

    /** Whether Chromium and its driver are installed; for {@code @EnabledIf("org.helpdesk.support.Browser#available")}. */
    public static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profileDir = Files.createTempDirectory("helpdesk-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + profileDir);
        // An unexpected alert stays open, so a test can see it rather than have the driver dismiss it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15)).scriptTimeout(Duration.ofSeconds(10));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        currentTest = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        console.clear();
        if (driver != null) {
            drainConsole(); // entries of the previous test belong to it, not to this one
            console.clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profileDir != null) {
                try (Stream<Path> paths = Files.walk(profileDir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves a PNG of the viewport to target/screenshots/&lt;test class.method&gt;.png and returns its path. */
    public Path screenshot() {
        return screenshot(currentTest);
    }

    /** Saves a PNG of the viewport to target/screenshots/&lt;name&gt;.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every browser console entry since the current test started (the driver hands out each entry once). */
    public List<LogEntry> console() {
        drainConsole();
        return List.copyOf(console);
    }

    /**
     * The console entries at level SEVERE: JavaScript errors, CSP violations, failed loads (404 of a script...).
     * One is left out: the 404 of /favicon.ico, which Chromium requests on its own (no page asks for it; the app
     * serves no favicon) and logs at a moment that depends on timing, so it would make tests flaky.
     */
    public List<String> consoleErrors() {
        return console().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().matches("^https?://[^/]+/favicon\\.ico - Failed to load resource: .*"))
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    private void drainConsole() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
    }
}
