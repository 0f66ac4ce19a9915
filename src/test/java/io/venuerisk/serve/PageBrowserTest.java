package io.venuerisk.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.InputException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's headless Chromium driven by Selenium through the system's
 * chromedriver (no browser is downloaded; Selenium Manager is not asked). Skipped only where no
 * Chromium is installed ({@code apt-get install chromium chromium-driver}; .ci/run does it).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PageBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of(System.getProperty("vr.build", "target"));
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path profile;
  static VenueRiskServer server;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "no Chromium: install Debian's chromium and chromium-driver to run the browser tests");
    server = TestServer.start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // as root in a container; and nothing that reaches for the network behind the page's back
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1400,2200",
        "--lang=en-GB");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop();
    }
  }

  /** A score as the page writes it: one decimal, or none for a whole number. */
  private static String number(JsonNode n) {
    double v = n.asDouble();
    return v == Math.rint(v)
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  private static void open() {
    browser.get(server.uri().toString());
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  @Test
  void fillTheFormForAShippedScenarioAssessAndSeeTheScoreFallWhenAMeasureIsTicked()
      throws Exception {
    open();
    Path file = Path.of("scenarios/christmas-market-cologne-2026.json");
    fill(JSON.readTree(file.toFile()), "");
    browser.findElement(By.id("assess")).click();
    WebElement tier = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tier")));

    JsonNode cli =
        JSON.readTree(TestServer.cli("assess", "--format", "json", file.toString()).out());
    assertThat(tier.getText()).isEqualTo(cli.get("tier").asText());
    double before = Double.parseDouble(browser.findElement(By.id("score")).getText());
    assertThat(before).isEqualTo(cli.get("score").asDouble());
    if (cli.has("inherent")) {
      assertThat(browser.findElement(By.id("inherent-tier")).getText())
          .isEqualTo(cli.get("inherent").get("tier").asText());
    }
    // the likelihood and consequence levels with their meanings, and the band, as the CLI says
    for (String risk : List.of("inherent", "residual")) {
      for (String scale : List.of("likelihood", "consequence")) {
        JsonNode rating = cli.get(risk).get(scale);
        assertThat(browser.findElement(By.id(risk + "-" + scale)).getText())
            .as("%s %s level", risk, scale)
            .isEqualTo(rating.get("level").asText());
        assertThat(browser.findElement(By.id("levels")).getText())
            .contains(rating.get("meaning").asText());
      }
    }
    JsonNode band = cli.get("band");
    String range = browser.findElement(By.id("band-range")).getText();
    if (band.get("field") == null) {
      assertThat(range).isEqualTo(number(band.get("central")));
    } else {
      assertThat(range).isEqualTo(number(band.get("low")) + " to " + number(band.get("high")));
      assertThat(browser.findElement(By.id("band-field")).getText())
          .isEqualTo(band.get("field").asText());
    }
    // the per-tactic table: one row per exposure
    assertThat(browser.findElements(By.cssSelector("#tactics tbody tr")))
        .hasSize(cli.get("exposures").size());
    assertThat(browser.findElement(By.id("result")).getText())
        .as("every part of the result rendered as text")
        .doesNotContain("[object Object]")
        .doesNotContain("undefined")
        .doesNotContain("NaN")
        .doesNotContain("null");

    // the measure that takes off most: ticking it scores the scenario again at once
    WebElement add = browser.findElement(By.cssSelector("#recommended input.what-if"));
    String measure = add.getAttribute("data-measure");
    add.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("score-change")));
    double after = Double.parseDouble(browser.findElement(By.id("score")).getText());
    assertThat(after).as("the score with %s in place", measure).isLessThan(before);
    assertThat(browser.findElement(By.id("f-security-measures-" + measure)).isSelected())
        .as("the form now has the measure too")
        .isTrue();
    shot("serve-page.png");

    // plan to a target tier: the page shows what plan --format json says
    new Select(browser.findElement(By.id("target-tier"))).selectByValue("MODERATE");
    browser.findElement(By.cssSelector("#plan-form button")).click();
    WebElement outcome =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-outcome")));
    assertThat(outcome.getText()).containsAnyOf("reach MODERATE", "at or below MODERATE");
  }

  @Test
  void aMeasureLeftOutOfThePlanIsNeverAddedAndMeasuresAreNamedInPlainWords() throws Exception {
    open();
    Path file = Path.of("scenarios/university-commencement-boston-2027.json");
    fill(JSON.readTree(file.toFile()), "");
    browser.findElement(By.id("assess")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tier")));
    assertThat(browser.findElement(By.id("result")).getText())
        .contains("hostile vehicle mitigation (barriers, bollards)")
        .contains("For the officials or speakers present (protects them, not the crowd):");

    new Select(browser.findElement(By.id("target-tier"))).selectByValue("LOW");
    browser.findElement(By.id("exclude-hostile_vehicle_mitigation")).click();
    browser.findElement(By.cssSelector("#plan-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-excluded")));
    String plan = browser.findElement(By.id("plan-result")).getText();
    JsonNode cli =
        JSON.readTree(
            TestServer.cli(
                    "plan",
                    "--format",
                    "json",
                    "--target-tier",
                    "LOW",
                    "--exclude",
                    "hostile_vehicle_mitigation",
                    file.toString())
                .out());
    assertThat(plan)
        .contains("Left out: hostile vehicle mitigation (barriers, bollards).")
        .contains("a stand-off perimeter (screening and road closures away from the crowd)");
    assertThat(cli.at("/plan/steps/0/measure").asText()).isEqualTo("standoff_perimeter");
    assertThat(browser.findElement(By.cssSelector("#plan-result ol.steps")).getText())
        .doesNotContain("hostile vehicle mitigation");
  }

  @Test
  void theFormIsCheckedAsTheUserTypesWithTheReadersMessages() throws Exception {
    open();
    fill(JSON.readTree(Path.of("scenarios/christmas-market-cologne-2026.json").toFile()), "");
    WebElement attendance = browser.findElement(By.id("f-event-expectedAttendance"));
    attendance.clear();
    attendance.sendKeys("12,000");
    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.id("f-event-expectedAttendance-error")));

    // the message the reader gives the same scenario, as assess would print it
    String json =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return JSON.stringify({id:'x',name:'x',date:'2026-12-20',venue:{type:'public_space',country:'DE'},"
                        + "event:{type:'market',expectedAttendance:'12,000'}})");
    String problem = null;
    try {
      new ScenarioJson(TestServer.engine().data()).read("x", json.getBytes(StandardCharsets.UTF_8));
    } catch (InputException e) {
      problem = e.problem();
    }
    assertThat(problem).isNotNull();
    assertThat(error.getText()).isEqualTo(problem);
    assertThat(attendance.getAttribute("aria-invalid")).isEqualTo("true");

    attendance.clear();
    attendance.sendKeys("12000");
    wait.until(ExpectedConditions.invisibilityOf(error));
  }

  @Test
  void everyControlHasALabelAndTheTabsWorkFromTheKeyboard() {
    open();
    @SuppressWarnings("unchecked")
    List<String> unlabelled =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return [...document.querySelectorAll('input, select, button, textarea')]"
                        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                        + " && !(e.tagName === 'BUTTON' && e.textContent.trim()))"
                        + ".map(e => e.id || e.outerHTML)");
    assertThat(unlabelled).isEmpty();
    WebElement tab = browser.findElement(By.id("tab-scenario"));
    tab.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
    assertThat(browser.findElement(By.id("tab-batch")).getAttribute("aria-selected"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("panel-batch")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("panel-scenario")).isDisplayed()).isFalse();
  }

  @Test
  void theBatchTabShowsTheReportBatchWritesForACalendar() throws Exception {
    open();
    browser.findElement(By.id("tab-batch")).click();
    Path calendar = Path.of("scenarios/calendars/euro-2024.csv").toAbsolutePath();
    browser.findElement(By.id("calendar")).sendKeys(calendar.toString());
    browser.findElement(By.id("run-batch")).click();
    WebElement frame = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
    wait.until(d -> d.findElement(By.id("batch-status")).getText().startsWith("Scored"));
    long events;
    try (var lines = Files.lines(calendar)) {
      events = lines.filter(l -> !l.isBlank()).count() - 1;
    }
    browser.switchTo().frame(frame);
    try {
      // the events' rows, not those of the risk and per-tactic tables in their details
      By rows = By.cssSelector("#events > tbody > tr");
      wait.until(d -> !d.findElements(rows).isEmpty());
      assertThat(browser.findElements(rows)).hasSize((int) events);
      // each row's likelihood and consequence levels and band, and what the levels mean
      assertThat(browser.findElement(By.cssSelector("#events > thead")).getText())
          .contains("likelihood")
          .contains("consequence")
          .contains("band");
      List<WebElement> cells = browser.findElement(rows).findElements(By.xpath("./td"));
      assertThat(cells.get(8).getText())
          .as("likelihood")
          .matches("[1-5] \u2192 [1-5]\\s[\\d.]+ \u2192 [\\d.]+");
      assertThat(cells.get(9).getText()).as("consequence").matches("[1-5]\\s[\\d.]+");
      assertThat(cells.get(10).getText()).as("band").matches("[\\d.]+(\u2013[\\d.]+\\s\\S+)?");
      assertThat(browser.findElement(By.id("levels-legend")).getText())
          .containsPattern("likelihood [1-5]: ")
          .containsPattern("consequence [1-5]: ");
      // the report's own script sorts the table in the frame
      browser.findElement(By.cssSelector("#events > thead th")).click();
    } finally {
      browser.switchTo().defaultContent();
    }
    shot("serve-batch.png");
  }

  @Test
  void aLoadedScenarioFileFillsTheFormAndScoresAsTheCliScoresTheFile() throws Exception {
    open();
    Path file = Path.of("scenarios/crocus-city-hall-krasnogorsk-2024.json");
    browser.findElement(By.id("load-file")).sendKeys(file.toAbsolutePath().toString());
    wait.until(d -> d.findElement(By.id("form-status")).getText().startsWith("Loaded"));
    JsonNode original = JSON.readTree(file.toFile());
    assertThat(browser.findElement(By.id("f-id")).getAttribute("value"))
        .isEqualTo(original.get("id").asText());
    assertThat(
            new Select(browser.findElement(By.id("f-venue-country")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(original.get("venue").get("country").asText());
    browser.findElement(By.id("assess")).click();
    WebElement tier = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tier")));
    JsonNode cli =
        JSON.readTree(TestServer.cli("assess", "--format", "json", file.toString()).out());
    assertThat(tier.getText()).isEqualTo(cli.get("tier").asText());
    assertThat(Double.parseDouble(browser.findElement(By.id("score")).getText()))
        .isEqualTo(cli.get("score").asDouble());
  }

  @Test
  void aLoadedScenarioKeepsHowItsMeasuresAreDeployedAndItsOfficialsRank() throws Exception {
    open();
    Path file = Path.of("scenarios/remembrance-ceremony-london-2027.json");
    browser.findElement(By.id("load-file")).sendKeys(file.toAbsolutePath().toString());
    wait.until(d -> d.findElement(By.id("form-status")).getText().startsWith("Loaded"));
    JsonNode original = JSON.readTree(file.toFile());
    assertThat(
            new Select(browser.findElement(By.id("f-profile-officialsRank")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("head_of_state");
    // a measure given as an object ticks its box like a plain code
    assertThat(
            browser
                .findElement(By.id("f-security-measures-hostile_vehicle_mitigation"))
                .isSelected())
        .isTrue();
    assertThat(browser.findElement(By.id("f-security-measures-cctv")).isSelected()).isTrue();
    // what the page sends: the request body, seen on its way to the server
    ((JavascriptExecutor) browser)
        .executeScript(
            "const f = window.fetch; window.sent = [];"
                + " window.fetch = (u, o) => { if (o && o.body) { window.sent.push(o.body); }"
                + " return f(u, o); };");
    browser.findElement(By.id("assess")).click();
    WebElement tier = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tier")));
    JsonNode cli =
        JSON.readTree(TestServer.cli("assess", "--format", "json", file.toString()).out());
    assertThat(tier.getText()).isEqualTo(cli.get("tier").asText());
    JsonNode sent =
        JSON.readTree(
            (String) ((JavascriptExecutor) browser).executeScript("return window.sent[0];"));
    // in the form's order (the vocabulary's), each item as the file gives it
    List<JsonNode> measures = new java.util.ArrayList<>();
    sent.at("/security/measures").forEach(measures::add);
    List<JsonNode> given = new java.util.ArrayList<>();
    original.at("/security/measures").forEach(given::add);
    assertThat(measures).containsExactlyInAnyOrderElementsOf(given);
    assertThat(sent.at("/profile/officialsRank").asText()).isEqualTo("head_of_state");
  }

  /** Types a scenario into the form, field by field, as a user would. */
  private static void fill(JsonNode node, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String path = prefix + f.getKey();
      JsonNode v = f.getValue();
      if (path.equals("expect") || path.equals("$comment")) {
        continue;
      }
      if (v.isObject()) {
        fill(v, path + ".");
        continue;
      }
      String id = "f-" + path.replaceAll("[^A-Za-z0-9]", "-");
      if (v.isArray()) {
        for (JsonNode code : v) {
          WebElement box = browser.findElement(By.id(id + "-" + code.asText()));
          if (!box.isSelected()) {
            box.click();
          }
        }
        continue;
      }
      WebElement e = browser.findElement(By.id(id));
      if (e.getTagName().equals("select")) {
        new Select(e).selectByValue(v.asText());
      } else if ("date".equals(e.getAttribute("type"))) {
        // a date input takes keys in the browser's locale; its value is ISO whatever the locale
        ((JavascriptExecutor) browser)
            .executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                e,
                v.asText());
      } else {
        e.clear();
        e.sendKeys(v.asText());
      }
    }
  }

  private static void shot(String name) throws Exception {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SHOTS);
    Files.copy(
        png.toPath(), SHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
