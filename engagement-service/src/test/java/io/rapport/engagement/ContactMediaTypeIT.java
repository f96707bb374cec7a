package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body in the wrong media type is the client's mistake (415 problem+json), never a 500. */
@QuarkusTest
class ContactMediaTypeIT {

    @ParameterizedTest
    @ValueSource(strings = { "assign", "cancel", "reschedule", "complete", "miss" })
    void plainTextBodiesAreRefusedWith415(String action) {
        given().contentType("text/plain").body("bob")
                .post("/api/v1/engagement/contacts/{id}/" + action, UUID.randomUUID())
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415)).body("detail", not(containsString("io.rapport")));
    }
}
