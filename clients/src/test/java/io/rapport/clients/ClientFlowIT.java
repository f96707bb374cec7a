package io.rapport.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.client.ApiClient;
import io.rapport.client.ApiException;
import io.rapport.client.ApiResponse;
import io.rapport.client.api.Customer360Api;
import io.rapport.client.api.CustomersApi;
import io.rapport.client.api.PurchasesAndCostsApi;
import io.rapport.client.model.Contact;
import io.rapport.client.model.Customer;
import io.rapport.client.model.Customer360;
import io.rapport.client.model.Customer360PartStatus;
import io.rapport.client.model.CustomerInput;
import io.rapport.client.model.CustomerKind;
import io.rapport.client.model.Line;
import io.rapport.client.model.PageCustomerSummary;
import io.rapport.client.model.Problem;
import io.rapport.client.model.PurchaseInput;
import io.rapport.client.model.PurchaseView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated Java client against a whole running suite (./crm up on free ports, started by this module's build
 * before the integration tests and stopped after them): what a partner does on day one.
 */
class ClientFlowIT {
    private static final String GATEWAY = System.getProperty("rapport.gateway.url", "http://localhost:8080");
    private static ApiClient client;

    @BeforeAll
    static void connect() throws Exception {
        String token = token();
        client = new ApiClient();
        client.updateBaseUri(GATEWAY);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @Test
    void createRecordRead360ListAndReadAProblem() throws Exception {
        CustomersApi customers = new CustomersApi(client);
        String email = "ada-" + UUID.randomUUID() + "@example.org";

        ApiResponse<Customer> created = customers.createCustomerWithHttpInfo(
                new CustomerInput()
                        .kind(CustomerKind.CONSUMER)
                        .givenName("Ada")
                        .familyName("Lovelace")
                        .emails(List.of(new Contact().value(email))),
                null);
        assertThat(created.getStatusCode()).isEqualTo(201);
        Customer ada = created.getData();
        assertThat(ada.getId()).isNotNull();
        assertThat(created.getHeaders().get("location")).containsExactly(GATEWAY + "/api/v1/customers/" + ada.getId());

        PurchaseView purchase = new PurchasesAndCostsApi(client)
                .recordPurchase(
                        ada.getId(),
                        new PurchaseInput()
                                .orderId("SO-" + UUID.randomUUID())
                                .occurredAt(OffsetDateTime.now().minusHours(1))
                                .currency("EUR")
                                .lines(List.of(new Line()
                                        .sku("PILLOW-L")
                                        .category("bedding")
                                        .quantity(2)
                                        .unitPrice("39.90"))),
                        "flow-" + UUID.randomUUID());
        assertThat(purchase.getTotal()).isEqualTo("79.80");
        assertThat(purchase.getCustomerId()).isEqualTo(ada.getId());

        Customer360 view = new Customer360Api(client).getCustomer360(ada.getId());
        assertThat(view.getCustomerId()).isEqualTo(ada.getId());
        assertThat(view.getProfile().getStatus()).isEqualTo(Customer360PartStatus.OK);
        assertThat(view.getProfile().getData())
                .containsEntry("id", ada.getId().toString())
                .containsEntry("displayName", "Ada Lovelace");
        assertThat(view.getLoyalty().getStatus()).isIn(Customer360PartStatus.OK, Customer360PartStatus.NOT_FOUND);

        // activeFrom, activeTo, createdFrom, createdTo, email, kind, name, owner, page, phone, q, size, sort, status,
        // tag
        PageCustomerSummary page = customers.searchCustomer(
                null, null, null, null, email, null, null, null, 0, null, null, 5, null, null, null);
        assertThat(page.getPage()).isZero();
        assertThat(page.getSize()).isEqualTo(5);
        assertThat(page.getTotal()).isEqualTo(1L);
        assertThat(page.getItems())
                .singleElement()
                .satisfies(s -> assertThat(s.getId()).isEqualTo(ada.getId()));

        UUID nobody = UUID.randomUUID();
        ApiException missing = catchThrowableOfType(ApiException.class, () -> customers.getCustomer(nobody));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(missing.getResponseHeaders().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType().toString()).startsWith("https://rapport.dev/problems/");
        assertThat(problem.getDetail()).isNotBlank();
    }

    /** A development token from ./crm token, as the README shows. */
    private static String token() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        Documents.ROOT.resolve("crm").toString(), "token", "--role", "admin", "--sub", "client-it")
                .directory(Documents.ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("./crm token").isZero();
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }
}
