package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.OrderShipped;
import eventshop.events.ShippedLine;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator page /ops in a real headless Chromium, against the running system: the operator logs in,
 * sees every destination, finds a dead letter poisoned from outside, retries it once its cause is fixed and
 * sees it processed; sees a NEEDS_ATTENTION order with its timeline; runs a replay dry run. The same
 * browser proves that both admin consoles show EventShop's destinations, and takes the screenshots of the
 * README (target/screenshots/). Run as a group of {@link EventShopIT}.
 */
abstract class OperatorPageTests {

    private static final List<String> SERVICES = Names.SERVICES;
    /** Who logs in to the broker from Payara: each service, and the operator API (one XA pool each). */
    private static final List<String> PARTIES = Names.SENDERS;
    /** The Payara console deploys itself on its first request, which takes a while on a busy machine. */
    private static final Duration CONSOLE_LOADED = Duration.ofMinutes(4);

    private final Shop shop = new Shop();

    @Test
    void withoutTheOperatorsLoginThePageAndTheApiAreRefusedWithTheChallengeKept() throws Exception {
        HttpResponse<String> page = anonymous("ops/");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Basic").contains("eventshop-operators"));
        assertThat(anonymous("ops/ops.js").statusCode()).as("the page's script").isEqualTo(401);

        for (String path : List.of("api/ops/messaging", "api/ops/orders/counts", "api/ops/orders/stuck", "api/ops/orders/outbox")) {
            HttpResponse<String> api = anonymous(path);
            assertThat(api.statusCode()).as(path).isEqualTo(401);
            assertThat(api.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(api.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
            assertThat(new RestClient.Reply(401, "", "", api.body()).json().getInt("status")).isEqualTo(401);
            RestClient.Reply clerk = Stack.CLERK.get(path);
            assertThat(clerk.status()).as("non-operator " + path).isEqualTo(403);
            assertThat(clerk.contentType()).startsWith("application/problem+json");
            assertThat(clerk.json().getString("title")).isEqualTo("Forbidden");
        }
        RestClient.Reply refusedPost = Stack.API.post("api/ops/dead-letters/orders/retry-all", "");
        assertThat(refusedPost.status()).isEqualTo(401);
        assertThat(refusedPost.contentType()).as("a refused POST too").startsWith("application/problem+json");

        try (Browser browser = new Browser()) {
            browser.driver.get(Stack.BASE.resolve("ops/").toString());
            assertThat(browser.driver.findElements(By.id("queues"))).as("the page without a login").isEmpty();
        }
    }

    @Test
    void theOrdersPartOfTheOperatorApiAnswersBadInputWithNamedFields() {
        RestClient operator = Stack.OPERATOR;
        RestClient.Reply counts = operator.get("api/ops/orders/counts");
        assertThat(counts.status()).as(counts.body()).isEqualTo(200);
        assertThat(counts.json().getJsonObject("counts").keySet())
                .containsExactlyInAnyOrder("PLACED", "PAID", "SHIPPED", "REJECTED", "CANCELLED", "NEEDS_ATTENTION");

        RestClient.Reply stuck = operator.get("api/ops/orders/stuck");
        assertThat(stuck.status()).as(stuck.body()).isEqualTo(200);
        assertThat(stuck.json().getJsonNumber("olderThanSeconds").longValue()).as("the default, 5 minutes").isEqualTo(300);

        for (String query : List.of("olderThanSeconds=soon", "olderThanSeconds=-1", "limit=0", "limit=201")) {
            RestClient.Reply bad = operator.get("api/ops/orders/stuck?" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(Stack.API.get("openapi").body()).contains("/api/ops/orders/counts:", "/api/ops/orders/stuck:",
                "/api/ops/{producer}/outbox:", "/api/ops/outbox:");
    }

    @Test
    void theOperatorSeesTheDestinationsAndRetriesADeadLetterThatIsThenProcessed() throws Exception {
        try (Browser browser = new Browser().loggedInAs("operator", "operator-secret")) {
            WebDriver page = browser.driver;
            page.get(Stack.BASE.resolve("ops/").toString());

            browser.await(Stack.EVENTUAL, d -> d.findElements(By.cssSelector("#queues tr[data-kind='subscription']")).size() >= 5);
            for (String service : SERVICES) {
                WebElement subscription = page.findElement(By.cssSelector("#queues tr[data-queue='" + service + "']"));
                assertThat(Long.parseLong(cells(subscription).get(3).getText())).as(service + "'s consumers").isPositive();
                assertThat(page.findElements(By.cssSelector("#queues tr[data-queue='eventshop." + service + ".dlq']")))
                        .as(service + "'s dead-letter queue").hasSize(1);
            }
            assertThat(page.findElements(By.cssSelector("#topics tr[data-topic='eventshop.orders.events']"))).hasSize(1);
            assertThat(page.findElement(By.cssSelector("#order-counts tr[data-status='SHIPPED']")).getText()).startsWith("SHIPPED");

            // From outside: an OrderShipped for an order the customers service has no history of fails there on
            // every attempt, until the broker dead-letters it.
            Shop.Customer customer = shop.newCustomer("Page Retry");
            String orderId = UUID.randomUUID().toString();
            Envelope shipped = EventCodec.envelope(new OrderShipped(orderId, UUID.randomUUID().toString(),
                    List.of(new ShippedLine("PAGE-1", 1))), orderId, null, "warehouse");
            Stack.broker().publish("eventshop.warehouse.events", shipped);

            By letter = By.cssSelector("#dead-letters-customers tr[data-correlation-id='" + orderId + "']");
            WebElement row = browser.await(Stack.DEAD_LETTERED, d -> d.findElement(letter));
            assertThat(row.getText()).contains("OrderShipped", "customers", "eventshop.warehouse.events", "redeliveries");
            browser.await(Stack.EVENTUAL, d -> Long.parseLong(cells(d.findElement(
                    By.cssSelector("#queues tr[data-queue='eventshop.customers.dlq']"))).get(2).getText()) > 0);
            scrollTo(page, "dead-letters");
            browser.screenshot("ops-dead-letters");

            // The operator fixes the cause (the order's history entry, as its OrderPlaced would have made it)...
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            assertThat(Stack.DB.update("insert into customers.history_entry (order_id, customer_id, status, total, placed_at, "
                    + "updated_at, version) values (?, ?, 'PAID', ?, ?, ?, 0)", orderId, customer.id(), new BigDecimal("10.00"),
                    now, now)).isEqualTo(1);
            // ... and clicks Retry.
            browser.await(Stack.EVENTUAL, d -> {
                d.findElement(letter).findElement(By.cssSelector("button.retry")).click();
                return true;
            });

            browser.await(Stack.EVENTUAL, d -> d.findElements(letter).isEmpty());
            Shop.awaitHistory(customer, orderId, "SHIPPED");
            assertThat(Stack.OPERATOR.get("api/ops/dead-letters/customers").body()).doesNotContain(orderId);
            assertThat(page.findElements(By.cssSelector("#problems .problem"))).as("problems shown").isEmpty();
            ((JavascriptExecutor) page).executeScript("window.scrollTo(0, 0)");
            browser.screenshot("ops");
        }
    }

    @Test
    void aNeedsAttentionOrderShowsWithItsTimelineAndAReplayDryRunListsItsEvents() {
        Shop.Customer customer = shop.newCustomer("Page Attention");
        String sku = shop.stockedProduct(new BigDecimal("15.00"), 1);
        // Paid, then short of stock: the refund the gateway refuses leaves the order NEEDS_ATTENTION.
        String orderId = shop.placedOrderId(customer, sku, 2, Shop.REFUND_REFUSING_CARD);
        shop.awaitStatus(orderId, "NEEDS_ATTENTION");

        try (Browser browser = new Browser().loggedInAs("operator", "operator-secret")) {
            WebDriver page = browser.driver;
            page.get(Stack.BASE.resolve("ops/").toString());

            WebElement stuck = browser.await(Stack.EVENTUAL,
                    d -> d.findElement(By.cssSelector("#stuck-orders tr[data-order-id='" + orderId + "']")));
            assertThat(cells(stuck).get(0).getText()).isEqualTo("NEEDS_ATTENTION");
            assertThat(cells(stuck).get(3).getText()).contains("refund of 30.00 EUR refused by the gateway");
            assertThat(stuck.findElements(By.cssSelector("ol.timeline li")).stream().map(WebElement::getText))
                    .anySatisfy(entry -> assertThat(entry).contains("PAID PaymentTaken (payments)"))
                    .anySatisfy(entry -> assertThat(entry).contains("StockUnavailable (warehouse)"))
                    .anySatisfy(entry -> assertThat(entry).contains("NEEDS_ATTENTION CompensationFailed (payments)"));
            assertThat(Long.parseLong(cells(page.findElement(
                    By.cssSelector("#order-counts tr[data-status='NEEDS_ATTENTION']"))).get(0).getText())).isPositive();
            scrollTo(page, "stuck");
            browser.screenshot("ops-stuck-orders");

            new Select(page.findElement(By.id("replay-service"))).selectByValue("notifications");
            page.findElement(By.id("replay-order")).sendKeys(orderId);
            page.findElement(By.id("replay-dry-run")).click();

            browser.await(Stack.EVENTUAL, d -> d.findElement(By.id("replay-summary")).getText().startsWith("Dry run:"));
            List<WebElement> events = page.findElements(By.cssSelector("#replay-events tr[data-event-id]"));
            assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(cells(event).get(3).getText()).isEqualTo(orderId));
            assertThat(events.stream().map(event -> cells(event).get(2).getText())).contains("OrderPlaced", "PaymentTaken");
            assertThat(page.findElement(By.id("replay-summary")).getText())
                    .isEqualTo("Dry run: " + events.size() + " events would be sent to notifications.");
            WebElement send = page.findElement(By.id("replay-send"));
            assertThat(send.isEnabled()).isTrue();
            assertThat(send.getText()).isEqualTo("Send these " + events.size() + " events to notifications");
            scrollTo(page, "replay");
            browser.screenshot("ops-replay");
        }
    }

    @Test
    void thePayaraConsoleListsEveryEventShopJmsResourceWithItsDescription() {
        String console = "https://127.0.0.1:" + System.getProperty("it.admin.port") + "/";
        try (Browser browser = new Browser()) {
            browser.logInToPayaraConsole(console, CONSOLE_LOADED);
            browser.zoomOut(0.75);

            String objects = consolePage(browser, console + "jca/adminObjectResources.jsf", "payara-admin-objects");
            for (String service : SERVICES) {
                assertThat(objects).contains("jms/eventshop/" + service + "/dead-letters", "Dead letters of the " + service + " service");
            }
            for (String producer : Names.PRODUCERS) {
                assertThat(objects).contains("jms/eventshop/" + producer + "/events", "Events of the " + producer + " service");
            }
            assertThat(objects).contains("jms/eventshop/payments/gateway-requests", "Payment gateway: authorization requests",
                    "jms/eventshop/payments/gateway-replies", "Payment gateway: replies",
                    "jms/eventshop/notifications/outbox", "Notifications: emails to send",
                    "jms/eventshop/dead-letters", "Dead letters no service queue took");
            String factories = consolePage(browser, console + "jca/connectorResources.jsf", "payara-connector-resources");
            String pools = consolePage(browser, console + "jca/connectorConnectionPools.jsf", "payara-connector-pools");
            for (String party : PARTIES) {
                assertThat(factories).contains("jms/eventshop/" + party + "/ConnectionFactory");
                assertThat(pools).contains("eventshop-jms-" + party + "-pool");
            }
            assertThat(factories).contains("The orders service's XA connection factory (broker user orders)");
            assertThat(pools).contains("XA sessions to the Artemis broker as the orders service");
        }
    }

    @Test
    void theArtemisConsoleListsTheSubscriptionsBesideTheDeadLetterQueues() {
        String console = "http://127.0.0.1:" + System.getProperty("it.broker.console.port") + "/console/";
        try (Browser browser = new Browser()) {
            browser.logInToArtemisConsole(console, Stack.EVENTUAL);

            browser.await(Stack.EVENTUAL, d -> d.findElement(By.cssSelector("button[role='tab'][aria-label='queues']"))).click();
            browser.await(Stack.EVENTUAL, d -> d.findElement(By.id("options-menu-bottom-toggle"))).click();
            // Every queue on one page (10 by default): the subscriptions come after the dead-letter queues.
            browser.await(Stack.EVENTUAL, d -> d.findElement(By.xpath("//*[@data-action='per-page-20']"))).click();
            String queues = browser.await(Stack.EVENTUAL, d -> {
                String table = d.findElement(By.cssSelector("table")).getText();
                return table.contains(".subscription") ? table : null;
            });
            for (String service : SERVICES) {
                assertThat(queues).contains("eventshop." + service + ".dlq")
                        .containsPattern("(?m)^\\d+\\s+" + service + "\\s+eventshop\\." + service + "\\.subscription");
            }
            assertThat(queues).contains("eventshop.dlq", "eventshop.payments.gateway-replies");
            browser.zoomOut(0.6);
            browser.screenshot("artemis-queues");

            // Where the operator browses a dead-letter queue: the row's menu, Browse Messages.
            WebElement dlq = browser.driver.findElements(By.cssSelector("tbody tr")).stream()
                    .filter(row -> row.getText().contains("eventshop.orders.dlq")).findFirst().orElseThrow();
            dlq.findElement(By.cssSelector("button[aria-label='Kebab toggle']")).click();
            browser.await(Stack.EVENTUAL, d -> d.findElement(By.xpath("//*[normalize-space(text())='Browse Messages']"))).click();
            browser.await(Stack.EVENTUAL, d -> d.findElement(By.xpath("//h2[normalize-space(.)='Browsing eventshop.orders.dlq']")));
            browser.zoomOut(0.8);
            browser.screenshot("artemis-browse-dead-letters");
        }
    }

    /** Opens a page of the Payara console, waits until it shows EventShop's resources, saves its screenshot. */
    private static String consolePage(Browser browser, String url, String screenshot) {
        browser.driver.get(url);
        String source = browser.await(CONSOLE_LOADED, d -> {
            String html = d.getPageSource();
            return html.contains("jms/eventshop") || html.contains("eventshop-jms-") ? html : null;
        });
        browser.screenshot(screenshot);
        return source;
    }

    private static List<WebElement> cells(WebElement row) {
        return row.findElements(By.cssSelector("td"));
    }

    private static void scrollTo(WebDriver page, String id) {
        ((JavascriptExecutor) page).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private static HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        URI uri = Stack.BASE.resolve(path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
