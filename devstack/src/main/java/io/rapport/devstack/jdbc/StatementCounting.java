package io.rapport.devstack.jdbc;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A test profile whose datasource connects through {@link StatementCountingDriver}. */
public class StatementCounting implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.driver", StatementCountingDriver.class.getName());
    }
}
