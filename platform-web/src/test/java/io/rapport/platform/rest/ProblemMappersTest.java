package io.rapport.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad JSON answers a problem that says what to send, without parser internals, Java types or the sent value. */
class ProblemMappersTest {
    public record Body(UUID customerId, int quantity, Nested nested) {}

    public record Nested(String name) {}

    private final ObjectMapper mapper = new ObjectMapper();
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void malformedJsonSaysWhereNotHowTheParserFailed() {
        JsonParseException e = catchThrowableOfType(
                JsonParseException.class, () -> mapper.readValue("{\"customerId\": nope}", Body.class));
        Problem p = problem(mappers.malformedJson(e, null));
        assertThat(p.detail()).isEqualTo("the body is not valid JSON (line 1, column 16)");
    }

    @Test
    void wrongShapeNamesTheJsonExpectedNotTheJavaType() {
        JsonProcessingException e = catchThrowableOfType(
                JsonProcessingException.class, () -> mapper.readValue("{\"nested\": [1]}", Body.class));
        Problem p = problem(mappers.unreadableJson(e, null));
        assertThat(p.detail()).isEqualTo("nested: must be an object");
        assertInternalsHidden(p);
    }

    @Test
    void wholeBodyOfTheWrongShape() {
        JsonProcessingException e =
                catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue("[1, 2]", Body.class));
        Problem p = problem(mappers.unreadableJson(e, null));
        assertThat(p.detail()).isEqualTo("the body must be an object");
        assertInternalsHidden(p);
    }

    @Test
    void invalidValueIsNotEchoed() {
        InvalidFormatException e = catchThrowableOfType(
                InvalidFormatException.class,
                () -> mapper.readValue("{\"customerId\": \"ada@example.org\"}", Body.class));
        Problem p = problem(mappers.invalidFormat(e, null));
        assertThat(p.detail()).isEqualTo("customerId: is not a UUID");
        assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("customerId");
        assertThat(p.toString()).doesNotContain("ada@example.org");
        assertInternalsHidden(p);
    }

    private static void assertInternalsHidden(Problem p) {
        assertThat(p.toString())
                .doesNotContain("io.rapport", "java.", "`", "Cannot deserialize", "START_", "token", "Source:");
    }

    private static Problem problem(Response response) {
        return (Problem) response.getEntity();
    }
}
