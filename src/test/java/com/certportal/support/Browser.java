package com.certportal.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the journeys. Each instance is a new visitor: its own profile, no
 * cookies, English as the browser's language, a 1400x900 viewport. Debian's Chromium and ChromeDriver
 * are used by explicit path so that Selenium never looks for, or downloads, a browser (failsafe also
 * sets SE_OFFLINE); CERTPORTAL_CHROMIUM and CERTPORTAL_CHROMEDRIVER point elsewhere when needed.
 * Files the visitor downloads land in a directory of its own under target/downloads.
 */
public final class Browser implements AutoCloseable {

    public static final int WIDTH = 1400;
    public static final int HEIGHT = 900;

    private static final Path TARGET = Path.of("target");
    private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    private static final Path EVIDENCE = TARGET.resolve("browser-evidence");
    private static final Path DOWNLOADS = TARGET.resolve("downloads");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final String baseUrl;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path downloads;

    private Browser(String baseUrl, ChromeDriverService service, ChromeDriver driver, Path downloads) {
        this.baseUrl = baseUrl;
        this.service = service;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
        this.downloads = downloads;
    }

    /** Starts a browser for the portal at {@code baseUrl} ("http://localhost:8080"). */
    public static Browser start(String baseUrl) {
        Path profile = createDirectory(TARGET.resolve("chromium-profiles")).toAbsolutePath();
        try {
            profile = Files.createTempDirectory(profile, "profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("CERTPORTAL_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withLogFile(profile.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("CERTPORTAL_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                // Root in CI and containers: Chromium's sandbox cannot start there.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // The machine's network is closed: no background calls home that fail and slow the start.
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--force-device-scale-factor=1",
                "--lang=en-US");
        Path downloads =
                createDirectory(DOWNLOADS.resolve(profile.getFileName())).toAbsolutePath();
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        "en-US,en",
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false));
        // Lets consoleErrors() read what the page logged.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            fitViewport(driver);
            return new Browser(baseUrl.replaceAll("/+$", ""), service, driver, downloads);
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
    }

    /** Opens a path of the portal ("/orders?status=issued"). */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Opens an absolute URL, for example one copied from an earlier session. */
    public void openUrl(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The current URL without scheme, host and port: "/orders/12345678?continue". */
    public String currentPathAndQuery() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public String currentPath() {
        return URI.create(driver.getCurrentUrl()).getRawPath();
    }

    /**
     * Signs in through the sign-in page the browser is showing and waits until the portal has taken
     * it somewhere else.
     */
    public void signIn(String email, String password) {
        waitUntil(ExpectedConditions.urlMatches("/login(\\?.*)?$"));
        WebElement username = visible(By.id("username"));
        username.clear();
        username.sendKeys(email);
        WebElement passwordField = driver.findElement(By.id("password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]"))
                .click();
        waitUntil(d -> !currentPath().equals("/login"));
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void gone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** Clicks {@code locator} once it is scrolled to the middle of the window, clear of sticky bars. */
    public void clickInView(By locator) {
        WebElement element = driver.findElement(locator);
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    public WebElement find(By locator) {
        return driver.findElement(locator);
    }

    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits until the browser has saved the download {@code fileName} (Chromium gives a download its
     * final name only once it is complete) and returns the file, under target/downloads.
     */
    public Path downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "no download " + fileName + " in " + downloads + ": " + downloadedFiles())
                .until(d -> Files.isRegularFile(file));
        return file;
    }

    private List<String> downloadedFiles() {
        try (var files = Files.list(downloads)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    /** Saves the top of the page, as a visitor first sees it, as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        waitUntil(d -> "complete".equals(script("return document.readyState;")));
        script("window.scrollTo(0, 0);");
        return saveScreenshot(createDirectory(SCREENSHOTS).resolve(name + ".png"));
    }

    /**
     * Saves the window with {@code part} at its top (a section below the fold: an answer, a settings
     * card) as {@code target/screenshots/<name>.png}.
     */
    public Path screenshotOf(By part, String name) {
        waitUntil(d -> "complete".equals(script("return document.readyState;")));
        // Below the top bar (it stays at the top of the window on the pages that scroll).
        script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -64);", find(part));
        return saveScreenshot(createDirectory(SCREENSHOTS).resolve(name + ".png"));
    }

    /** After a failure: the window and the page source, so that a red CI run can be read. */
    public void saveEvidence(String name) {
        Path directory = createDirectory(EVIDENCE);
        try {
            saveScreenshot(directory.resolve(name + ".png"));
            Files.writeString(
                    directory.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Evidence is a courtesy: never hide the test's own failure behind this one.
            System.err.println("Could not save browser evidence " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    /** The page area, not the window, is WIDTH x HEIGHT: that is what screenshots show. */
    private static void fitViewport(ChromeDriver driver) {
        fitViewport(driver, WIDTH, HEIGHT);
    }

    private static void fitViewport(ChromeDriver driver, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // Once the window has its new size, the page area fits in it; what it lacks is the window's frame.
        List<Number> inner =
                waitForPageArea(driver, "innerWidth <= arguments[0] && innerHeight <= arguments[1]", width, height);
        int frameWidth = width - inner.get(0).intValue();
        int frameHeight = height - inner.get(1).intValue();
        if (frameWidth != 0 || frameHeight != 0) {
            driver.manage().window().setSize(new Dimension(width + frameWidth, height + frameHeight));
            waitForPageArea(driver, "innerWidth === arguments[0] && innerHeight === arguments[1]", width, height);
        }
    }

    /** Waits until the page area's size meets {@code condition}, and returns it. */
    @SuppressWarnings("unchecked")
    private static List<Number> waitForPageArea(ChromeDriver driver, String condition, int width, int height) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (List<Number>) ((ChromeDriver) d)
                .executeScript("return (" + condition + ") ? [innerWidth, innerHeight] : null;", width, height));
    }

    /** Makes the page area {@code width} x {@code height}, as on a phone (400 x 800) or a desktop. */
    public void viewport(int width, int height) {
        fitViewport(driver, width, height);
    }

    /** Errors the page reported in the console since the last call (script errors, failed requests). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private Path saveScreenshot(Path file) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
