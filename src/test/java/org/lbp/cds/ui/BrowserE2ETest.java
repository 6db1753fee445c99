package org.lbp.cds.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.security.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The practitioner's pages in a real headless Chromium (Debian's chromium and chromium-driver): sign in with a
 * token, fill the form for a classic case and read the steps; a red flag shows the referral and no steps; a server
 * validation error appears beside its field; the auditor looks the evaluation up. Screenshots go to target/e2e.
 */
@QuarkusTest
class BrowserE2ETest {

    static final Path SHOTS = Path.of("target/e2e");
    static WebDriver driver;
    static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("lbp-chromium"); // deleted when the browser stops
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("lbp.e2e.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("lbp.e2e.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            org.lbp.cds.audit.TestStore.deleteTree(profile);
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void signIn() {
        driver.get(url("/login"));
        driver.findElement(By.id("token")).sendKeys(Tokens.everyRole());
        driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
        if (driver.findElements(By.id("intake")).isEmpty()) {
            throw new AssertionError("no intake form after signing in, at " + driver.getCurrentUrl() + ":\n"
                    + driver.getPageSource());
        }
    }

    private static void shot(String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void radio(String name, String value) {
        WebElement input = driver.findElement(By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
    }

    private static void type(String name, Object value) {
        WebElement input = driver.findElement(By.name(name));
        input.clear();
        input.sendKeys(String.valueOf(value));
    }

    /** A 42-year-old's first session, no flare-up, every red flag and contraindication answered no, legs 4/4. */
    private void fillBaseCase(String patientId) {
        driver.get(url("/"));
        type("patientId", patientId);
        type("ageYears", 42);
        radio("episode.acuteFlareUp", "false");
        radio("episode.newEpisode", "false");
        for (WebElement no : driver.findElements(By.cssSelector("input[type=radio][name^='redFlags.'][value='false']"))) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", no);
            no.click();
        }
        radio("contraindications.dvtCurrentOrSuspected", "false");
        radio("contraindications.fractureCurrent", "false");
        radio("contraindications.anticoagulantOrBleedingDisorder", "false");
        new Select(driver.findElement(By.name("contraindications.pregnancy"))).selectByValue("no");
        type("pain.severityNow", 5);
        for (String region : List.of("quads", "hip_flexors", "adductors", "it_band", "hamstrings")) {
            type("mapping.scores." + region + ".left", 4);
            type("mapping.scores." + region + ".right", 4);
        }
    }

    private static void submit() {
        WebElement button = driver.findElement(By.id("evaluate"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    @Test
    @DisplayName("Classic case: right quads and hip flexors tighter: one step, quads and hip flexors, right side, on the diagram")
    void classicCase() throws Exception {
        signIn();
        assertTrue(driver.findElements(By.cssSelector("input[type=radio][name^='redFlags.']:checked")).isEmpty(),
                "no red flag is pre-answered");
        fillBaseCase("PT-E2E-0001");
        type("mapping.scores.quads.right", 7);
        type("mapping.scores.hip_flexors.right", 6);
        assertEquals("right +3", driver.findElement(By.cssSelector("tr[data-region=quads] output.diff")).getText(),
                "the difference is visible as it is typed");
        shot("intake-form");
        submit();

        List<WebElement> steps = driver.findElements(By.cssSelector("#steps li.step"));
        assertEquals(1, steps.size());
        assertEquals("Quads and hip flexors", steps.get(0).findElement(By.className("step-region")).getText());
        assertEquals("right", steps.get(0).findElement(By.className("step-side")).getText());
        assertEquals(1, driver.findElements(By.cssSelector("svg .step-mark")).size(), "the step on the diagram");
        assertTrue(driver.findElement(By.id("avoid")).getText().contains("Foam rolling the low back"));
        assertFalse(driver.findElement(By.id("disclaimer")).getText().isBlank(), "the disclaimer is visible");
        shot("protocol-classic");

        String id = driver.findElement(By.id("evaluation-id")).getText();
        driver.get(url("/audit?evaluationId=" + id));
        assertFalse(driver.findElements(By.cssSelector("#firings tbody tr")).isEmpty(), "the firings in order");
        assertEquals("test-clinic", driver.findElement(By.id("record-caller")).getText());
        shot("audit-view");
    }

    @Test
    @DisplayName("A red flag: the emergency referral first, unmistakable, and no steps")
    void redFlagCase() throws Exception {
        signIn();
        fillBaseCase("PT-E2E-0002");
        type("mapping.scores.quads.right", 7);
        radio("redFlags.saddleAnaesthesiaOrParaesthesia", "true");
        submit();
        WebElement stop = driver.findElement(By.id("stop"));
        assertTrue(stop.isDisplayed());
        assertTrue(stop.getText().toLowerCase().contains("emergency"), stop.getText());
        assertTrue(stop.getText().contains("CAUDA_EQUINA_SUSPECTED"), stop.getText());
        assertTrue(driver.findElements(By.cssSelector("#steps li")).isEmpty(), "no steps");
        assertTrue(driver.findElement(By.id("no-steps")).isDisplayed());
        shot("protocol-red-flag");
    }

    @Test
    @DisplayName("A server validation error appears beside its field, the form keeps what was entered")
    void serverErrorBesideItsField() throws Exception {
        signIn();
        fillBaseCase("PT-E2E-0003");
        type("sessionNumber", 2);
        type("pain.severityAtSession1", 6);
        // the outcome stays "first session", which the service refuses from session 2 on
        submit();
        WebElement error = driver.findElement(By.id("f-progress-outcomeSinceLastSession-e"));
        assertFalse(error.getText().isBlank(), "the error beside the field");
        assertEquals("true", driver.findElement(By.id("f-progress-outcomeSinceLastSession")).getAttribute("aria-invalid"));
        assertTrue(driver.findElement(By.id("error-summary")).isDisplayed());
        assertEquals("PT-E2E-0003", driver.findElement(By.name("patientId")).getAttribute("value"), "values kept");
        shot("intake-server-error");
    }

    @Test
    @DisplayName("Every form control has a label, and the form is reachable by keyboard")
    void accessible() {
        signIn();
        Object unlabeled = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('input,select,textarea')].filter(e => e.type !== 'hidden'"
                        + " && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name);");
        assertEquals(List.of(), unlabeled, "controls without a label");
        Object tabbable = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('input,select,textarea,button')].filter(e => e.tabIndex < 0).length;");
        assertEquals(0L, tabbable, "controls out of the tab order");
    }
}
