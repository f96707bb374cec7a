package io.rapport.contracts;

/**
 * One CloudEvent type: its name (with a version suffix), the topic it is published on, and the
 * payload record that carries it. The JSON Schema lives at {@code schemas/<name>.json} on the classpath.
 */
public record EventType(String name, String topic, Class<?> payload) {

    public String schemaPath() {
        return "schemas/" + name + ".json";
    }

    @Override
    public String toString() {
        return name;
    }
}
