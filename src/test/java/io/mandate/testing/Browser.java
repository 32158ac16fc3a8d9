package io.mandate.testing;

import org.junit.Assume;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Headless Chromium for the browser tests, from Debian's {@code chromium} and
 * {@code chromium-driver} packages. The driver executable and the browser binary are always given
 * explicitly, so Selenium Manager never tries to download anything (there is no network here).
 * <p>
 * Overrides: {@code CHROME_BIN} and {@code CHROMEDRIVER} as system properties or environment
 * variables (or the usual {@code webdriver.chrome.driver} system property).
 * <p>
 * When the browser is missing, tests are skipped — except on CI ({@code CI=true}), where they fail,
 * so a missing browser can never turn the browser tests silently green.
 */
public final class Browser {

    public static final String INSTALL_HINT =
            "Chromium is needed for the browser tests: apt-get install -y chromium chromium-driver"
            + " (or point CHROME_BIN and CHROMEDRIVER at a browser and its driver)";

    /** Each running browser's temporary profile folder, removed by {@link #quit(WebDriver)}. */
    private static final Map<WebDriver, Path> PROFILES = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * Selenium 4.27 ships DevTools bindings up to Chrome 131 and warns on every start with a newer
     * Chromium. The tests use WebDriver only, never CDP, so those warnings are noise. (Kept in
     * fields: java.util.logging holds loggers weakly.)
     */
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static {
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
    }

    private Browser() {
    }

    /** A new headless browser with a fresh profile; {@link #quit(WebDriver)} it when done. */
    public static WebDriver start() {
        File binary = new File(setting("CHROME_BIN", "/usr/bin/chromium"));
        File driver = new File(firstNonBlank(System.getProperty("webdriver.chrome.driver"),
                setting("CHROMEDRIVER", "/usr/bin/chromedriver")));
        String missing = !binary.canExecute() ? "the browser " + binary
                : !driver.canExecute() ? "the driver " + driver : null;
        if (missing != null) {
            String message = "Cannot run the browser tests, " + missing + " is missing. " + INSTALL_HINT;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assume.assumeTrue(message, false);
        }
        // Selenium looks at this property before it would ever ask Selenium Manager.
        System.setProperty("webdriver.chrome.driver", driver.getAbsolutePath());

        Path profile;
        try {
            profile = Files.createTempDirectory("mandate-chrome-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver chrome;
        try {
            chrome = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        PROFILES.put(chrome, profile);
        return chrome;
    }

    /** Ends the browser and removes its temporary profile. Null-safe. */
    public static void quit(WebDriver driver) {
        if (driver == null) {
            return;
        }
        try {
            driver.quit();
        } finally {
            Path profile = PROFILES.remove(driver);
            if (profile != null) {
                deleteQuietly(profile);
            }
        }
    }

    /**
     * Saves a PNG of the current page as {@code <mandate.screenshots>/<name>} (default folder
     * {@code target/screenshots}); ".png" is added when the name lacks it. Returns the file.
     */
    public static Path screenshot(WebDriver driver, String name) {
        Path folder = Paths.get(System.getProperty("mandate.screenshots", "target/screenshots"));
        String fileName = name.endsWith(".png") ? name : name + ".png";
        try {
            Files.createDirectories(folder);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path file = folder.resolve(fileName);
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + fileName + " in " + folder, e);
        }
    }

    private static String setting(String name, String fallback) {
        return firstNonBlank(System.getProperty(name), System.getenv(name), fallback);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
