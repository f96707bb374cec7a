package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rendered object is a valid instance of its API: typed model (or schema) and no unrecognised field. */
class ModelConformanceTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyObjectConformsToItsModelWithoutUnknownFields(Overlay overlay) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (ObjectNode o : overlay.rendered().objects()) {
            List<String> p = Models.problems(o);
            if (!p.isEmpty()) {
                problems.put(Rendered.id(o), p);
            }
        }
        assertThat(problems).as("objects of %s that do not conform", overlay).isEmpty();
    }
}
