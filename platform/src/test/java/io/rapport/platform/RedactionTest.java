package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.platform.audit.Redaction;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void textValuesAreErasedCodesNumbersAndFieldNamesStay() throws Exception {
        JsonNode before = json.readTree(
                "{\"displayName\":\"Ada Lovelace\",\"emails\":[{\"value\":\"ada@example.org\",\"primary\":true}],"
                        + "\"status\":\"ACTIVE\",\"points\":120,\"doNotContact\":false,\"address\":{\"city\":\"London\",\"country\":\"GB\"}}");

        JsonNode out = Redaction.redact(before);

        assertThat(out.toString()).doesNotContain("Ada", "ada@example.org", "London", "GB");
        assertThat(out.path("displayName").asText()).isEqualTo(Redaction.ERASED);
        assertThat(out.path("emails").get(0).path("value").asText()).isEqualTo(Redaction.ERASED);
        assertThat(out.path("emails").get(0).path("primary").asBoolean()).isTrue();
        assertThat(out.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(out.path("points").asInt()).isEqualTo(120);
        assertThat(out.path("address").path("city").asText()).isEqualTo(Redaction.ERASED);
    }

    @Test
    void nullStaysNull() {
        assertThat(Redaction.redact(null)).isNull();
    }
}
