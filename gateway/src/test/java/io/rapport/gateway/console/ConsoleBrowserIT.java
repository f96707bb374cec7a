package io.rapport.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.StubUpstream;
import io.rapport.gateway.support.Stubs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's chromium driven headless through chromedriver (README "Console"). The
 * services are the module's stubs answering with {@link ConsoleStubData}. Without the browser the test fails: CI
 * installs it (.ci/run). Screenshots land in target/console-screenshots/.
 */
@QuarkusTest
class ConsoleBrowserIT {
    static final Path CHROMIUM = Path.of(System.getProperty("rapport.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("rapport.chromedriver", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "console-screenshots");
    static final ConsoleStubData DATA = new ConsoleStubData();

    @TestHTTPResource("/")
    URL base;

    private WebDriver browser;

    @BeforeAll
    static void stubs() {
        StubUpstream.CANNED = DATA;
    }

    @AfterAll
    static void noStubs() {
        StubUpstream.CANNED = null;
    }

    @BeforeEach
    void openBrowser() throws IOException {
        assertThat(CHROMIUM)
                .as("chromium is needed for the console tests: apt-get install -y chromium chromium-driver")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("chromedriver is needed for the console tests: apt-get install -y chromium-driver")
                .isExecutable();
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1280,1000",
                        "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void signIn(String user, String role) {
        browser.get(url("/console/sign-in"));
        browser.findElement(By.id("user")).sendKeys(user);
        new Select(browser.findElement(By.id("role"))).selectByValue(role);
        browser.findElement(By.id("sign-in")).click();
        try {
            waitFor(d -> d.findElements(By.id("signed-in-as")).size() == 1);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not signed in at " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
        }
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).startsWith(user);
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition::apply);
    }

    private void screenshot(String name) {
        try {
            Path file =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> nav() {
        return browser.findElements(By.cssSelector("nav[aria-label='Console pages'] a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void aManagerSeesTheParetoCurveWithItsCutOffsTheWorksheetAndTheHealthOfEveryService() {
        signIn("maria", "admin");
        assertThat(browser.getCurrentUrl()).endsWith("/console/overview");
        assertThat(nav()).containsExactly("Overview", "Segments", "Agenda", "Customer", "Loyalty", "Health");
        waitFor(d -> d.findElements(By.cssSelector("#pareto-chart svg path")).size() > 3);
        WebElement chart = browser.findElement(By.cssSelector("#pareto-chart svg"));
        assertThat(chart.getSize().getWidth()).isGreaterThan(300);
        // the line's path has one segment per data point (101), and the A/B/C cut-offs are labelled
        String line = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "return Array.from(document.querySelectorAll('#pareto-chart svg path')).map(p => p.getAttribute('d') || '')"
                                + ".sort((a, b) => b.length - a.length)[0];");
        assertThat(line.split("L").length).isGreaterThanOrEqualTo(100);
        assertThat(chart.getText()).contains("A ≤ 20", "B ≤ 50", "C ≤ 100");
        assertThat(browser.findElement(By.id("part-a-b-c-classes"))
                        .findElement(By.xpath(".."))
                        .getText())
                .contains("Customers", "100", "Revenue", "85000.50", "+2");
        assertThat(browser.getPageSource()).contains("SLA breached");
        waitFor(d -> d.findElements(By.cssSelector("#liability-chart svg path")).size() > 2);
        assertThat(browser.findElement(By.id("part-points-liability"))
                        .findElement(By.xpath(".."))
                        .getText())
                .contains("Outstanding points", "482000", "4820.00 EUR", "12500");
        screenshot("overview");

        browser.findElement(By.linkText("Segments")).click();
        waitFor(d -> d.findElements(By.cssSelector("#worksheet-table tbody tr")).size() == 2);
        assertThat(browser.findElement(By.cssSelector("#worksheet-table tbody tr td a"))
                        .getText())
                .isEqualTo(ConsoleStubData.CUSTOMER);
        browser.findElement(By.linkText("Net revenue")).click();
        waitFor(d -> d.findElement(By.cssSelector("#worksheet-table th[aria-sort=descending]"))
                .getText()
                .contains("Net revenue"));
        browser.findElement(By.linkText("Net revenue")).click();
        waitFor(d -> d.findElements(By.cssSelector("#worksheet-table th[aria-sort=ascending]"))
                        .size()
                == 1);
        assertThat(browser.findElement(By.cssSelector("#worksheet-table tbody tr td a"))
                        .getText())
                .isNotEqualTo(ConsoleStubData.CUSTOMER);
        assertThat(browser.findElement(By.cssSelector("#worksheet-table a.csv")).getAttribute("href"))
                .endsWith("/console/segments/gold.csv?sort=netRevenue,asc");
        screenshot("segments");

        browser.findElement(By.linkText("Health")).click();
        waitFor(d -> d.findElements(By.cssSelector("#health-table tbody tr")).size() == 4);
        assertThat(browser.findElement(By.id("overall")).getAttribute("class")).isEqualTo("ok");
        Stubs.down("loyalty");
        try {
            browser.navigate().refresh();
            waitFor(d -> d.findElement(By.id("overall")).getAttribute("class").equals("bad"));
            WebElement loyalty =
                    browser.findElement(By.cssSelector("#health-table tr[data-service='loyalty-service']"));
            assertThat(loyalty.getAttribute("class")).isEqualTo("bad");
            assertThat(loyalty.getText()).contains("DOWN");
            assertThat(loyalty.getCssValue("background-color")).isEqualTo("rgba(255, 227, 230, 1)");
            screenshot("health-service-down");

            browser.get(url("/console/customers/" + ConsoleStubData.CUSTOMER));
            waitFor(d -> d.findElements(By.id("degraded")).size() == 1);
            assertThat(browser.getPageSource()).contains("Ada Example", "UNAVAILABLE");
            screenshot("customer-degraded");
        } finally {
            Stubs.up("loyalty");
        }
        browser.findElement(By.linkText("Loyalty")).click();
        waitFor(d -> d.findElements(By.cssSelector("#tier-chart svg path")).size() > 2);
        waitFor(d -> d.findElements(By.cssSelector("#points-chart svg path")).size() > 12);
        assertThat(browser.findElement(By.cssSelector("#tier-chart svg")).getText())
                .contains("Silver", "Gold", "Platinum", "1050");
        assertThat(browser.findElement(By.cssSelector("#points-chart svg")).getText())
                .contains("Earned", "Redeemed", "Expired", "2026-01");
        assertThat(browser.findElement(By.id("part-members-and-points-rapport-club"))
                        .findElement(By.xpath(".."))
                        .getText())
                .contains("Active members", "1212", "482000", "4820.00 EUR", "Platinum 12", "2026-12 115000 52000");
        assertThat(browser.getPageSource()).contains("Rapport Club", "Platinum", "Acme Travel");
        screenshot("loyalty");

        // every programme has its charts: pick the second in the selector (a plain form, no script needed)
        new Select(browser.findElement(By.id("programme"))).selectByVisibleText("Partner Miles");
        browser.findElement(By.id("show-programme")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/console/loyalty?programme=p2"));
        waitFor(d -> d.findElements(By.cssSelector("#tier-chart svg path")).size() > 1);
        assertThat(browser.findElement(By.cssSelector("#tier-chart svg")).getText())
                .contains("Blue", "Red", "300")
                .doesNotContain("Platinum");
        assertThat(browser.findElement(By.id("tiers-h")).getText()).contains("Partner Miles");
        waitFor(d -> d.findElements(By.cssSelector("#points-chart svg path")).size() > 2);
        assertThat(browser.findElement(By.cssSelector("#points-chart svg")).getText())
                .contains("2026-12")
                .doesNotContain("2026-01");
        assertThat(new Select(browser.findElement(By.id("programme")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Partner Miles");
        screenshot("loyalty-second-programme");
    }

    @Test
    void aRepSeesOnlyItsOwnAgendaCompletesAContactAndIsRefusedTheHealthPage() {
        signIn("sam", "sales");
        assertThat(nav()).containsExactly("Overview", "Segments", "Agenda", "Customer", "Loyalty");
        int pressureReads = DATA.pressureReads.size();
        browser.findElement(By.linkText("Agenda")).click();
        waitFor(d -> d.findElements(By.cssSelector("#agenda tbody tr")).size() == 2);
        assertThat(browser.findElement(By.cssSelector("#agenda tbody tr")).getText())
                .contains("(overdue)");
        // the pressure column: caps used of each cap and the quiet hours, from one batch read for the whole page
        assertThat(browser.findElement(By.cssSelector("#agenda thead")).getText())
                .contains("Contact pressure");
        assertThat(browser.findElement(By.cssSelector("#agenda tbody tr")).getText())
                .contains("1/1 in 3 d (at cap)", "2/4 in 30 d", "quiet hours now (21:30)");
        assertThat(DATA.pressureReads.subList(pressureReads, DATA.pressureReads.size()))
                .as("one batch read for the page's two rows")
                .containsExactly("sam");
        assertThat(browser.findElements(By.id("assignee")))
                .as("a rep cannot pick another rep")
                .isEmpty();
        screenshot("agenda");

        // someone else's agenda through the URL: the console shows the rep its own, engagement would refuse the other
        browser.get(url("/console/agenda?assignee=maria"));
        waitFor(d -> d.findElements(By.cssSelector("#agenda tbody tr")).size() == 2);
        assertThat(browser.findElement(By.tagName("caption")).getText()).contains("of sam");

        browser.findElement(By.cssSelector("#agenda tbody tr button.complete")).click();
        waitFor(d -> d.findElements(By.id("message")).size() == 1);
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Contact completed");
        assertThat(DATA.actions)
                .contains("sam POST /api/v1/engagement/contacts/" + ConsoleStubData.CONTACT + "/complete");

        browser.findElement(By.cssSelector("#agenda tbody tr td a")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/console/customers/" + ConsoleStubData.CUSTOMER));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(ConsoleStubData.CUSTOMER);
        assertThat(browser.getPageSource()).contains("Ada Example");
        screenshot("customer");

        browser.get(url("/console/health"));
        waitFor(d -> d.findElements(By.id("forbidden")).size() == 1);
        assertThat(browser.findElement(By.id("forbidden")).getText()).contains("do not open the Health page");
        assertThat(browser.getPageSource()).doesNotContain("health-table");
        screenshot("forbidden");

        browser.findElement(By.cssSelector("form.who button")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/console/sign-in"));
        browser.get(url("/console/agenda"));
        waitFor(d -> d.getCurrentUrl().endsWith("/console/sign-in"));
    }

    /** At tablet width (800 px) no page is wider than the window: tables scroll inside their frame. */
    @Test
    void everyPageFitsATabletWidth() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1000));
        signIn("maria", "admin");
        for (String page : List.of(
                "overview",
                "segments",
                "agenda?assignee=sam",
                "customers/" + ConsoleStubData.CUSTOMER,
                "loyalty",
                "health")) {
            browser.get(url("/console/" + page));
            waitFor(d -> d.findElements(By.id("signed-in-as")).size() == 1);
            Long viewport = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.clientWidth;");
            Long content = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(viewport).as("viewport of %s", page).isBetween(700L, 800L);
            assertThat(content).as("width of %s at %d px", page, viewport).isLessThanOrEqualTo(viewport);
            screenshot("tablet-" + page.replaceAll("[^a-z]+.*", ""));
        }
    }

    @Test
    void marketingHasNoAgendaAndSupportNoSegments() {
        signIn("mia", "marketing");
        assertThat(nav()).containsExactly("Overview", "Segments", "Loyalty");
        browser.get(url("/console/agenda"));
        waitFor(d -> d.findElements(By.id("forbidden")).size() == 1);
        browser.findElement(By.cssSelector("form.who button")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/console/sign-in"));

        signIn("suzy", "support");
        assertThat(browser.getCurrentUrl()).endsWith("/console/customers");
        assertThat(nav()).containsExactly("Customer");
        browser.get(url("/console/segments"));
        waitFor(d -> d.findElements(By.id("forbidden")).size() == 1);
    }
}
