package io.rapport.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.gateway.console.ConsoleClient.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactPressureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Answer ok(String json) throws Exception {
        return new Answer(200, JSON.readTree(json), null);
    }

    @Test
    void theBatchAsksForEachCustomerOfThePageOnceAndAtMostTwoHundred() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{\"customerId\":\"c")
                    .append(i % 210)
                    .append("\"}");
        }
        Map<String, Object> body = ContactPressure.request(ok("{\"items\":[" + items + "]}"));
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) body.get("customerIds");
        assertThat(ids).hasSize(200).doesNotHaveDuplicates().startsWith("c0", "c1");
        assertThat(ContactPressure.request(ok("{\"items\":[]}"))).isNull();
    }

    @Test
    void aRowShowsEachCapUsedOfMaxOverItsWindowAndTheQuietHours() throws Exception {
        Answer pressure = ok("{\"items\":[{\"customerId\":\"a\",\"localTime\":\"21:30:15\",\"quietHoursNow\":true,"
                + "\"caps\":[{\"cap\":\"1/PT72H\",\"channel\":null,\"max\":1,\"used\":1,\"reached\":true},"
                + "{\"cap\":\"@SMS:2/PT12H\",\"channel\":\"SMS\",\"max\":2,\"used\":0,\"reached\":false}]},"
                + "{\"customerId\":\"b\",\"localTime\":\"10:00\",\"quietHoursNow\":false,\"weekendNow\":true,\"caps\":[]}],"
                + "\"unknown\":[\"c\"],\"withheld\":[\"d\"]}");

        assertThat(ContactPressure.text(pressure, "a"))
                .isEqualTo("1/1 in 3 d (at cap) · 0/2 SMS in 12 h · quiet hours now (21:30)");
        assertThat(ContactPressure.text(pressure, "b")).isEqualTo("weekend now (10:00)");
        assertThat(ContactPressure.text(pressure, "c")).isEqualTo("unknown to engagement");
        assertThat(ContactPressure.text(pressure, "d")).isEqualTo("not yours to see");
        assertThat(ContactPressure.text(Answer.failed("engagement-service could not be reached"), "a"))
                .isEqualTo("not available");
        assertThat(ContactPressure.text(null, "a")).isEmpty();
    }
}
