package io.rapport.platform.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/**
 * Money (and every other decimal) travels as a plain decimal string, {@code "12.50"}, never a JSON number: the
 * same representation in requests, responses, examples (the OpenAPI schema {@code Decimal}) and events
 * ({@code Money.amount}). Reading still accepts a JSON number, so older clients keep working.
 */
@Singleton
public class DecimalsAsStrings implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
