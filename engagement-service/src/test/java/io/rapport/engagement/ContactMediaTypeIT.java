package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body in the wrong media type is the client's mistake, never a 500: 415 problem+json (assign and cancel, whose
 * request records were package-private, answered 500 before; they now read the body and answer about the unknown
 * contact, 404 problem+json).
 */
@QuarkusTest
class ContactMediaTypeIT {

    @ParameterizedTest
    @ValueSource(strings = {"assign", "cancel", "reschedule", "complete", "miss"})
    void plainTextBodiesAreRefusedWith415(String action) {
        given().contentType("text/plain")
                .body("bob")
                .post("/api/v1/engagement/contacts/{id}/" + action, UUID.randomUUID())
                .then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(415)).or(equalTo(404)))
                .contentType("application/problem+json")
                .body("detail", not(containsString("io.rapport")));
    }
}
