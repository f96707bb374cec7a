package io.rapport.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds fields the typed model did not recognise. The fabric8 and Strimzi models do not fail on unknown JSON
 * properties: they keep them in {@code additionalProperties}. A non-empty map anywhere in the tree is a field
 * Kubernetes (or the operator) would silently drop, i.e. a typo or a field of another API version.
 */
final class UnknownFields {
    private static final int MAX_DEPTH = 60;

    private UnknownFields() {}

    /**
     * JSON-like paths of every unrecognised field, e.g. {@code spec.template.spec.containers[0].imagePullPolicyy}
     * (each once, although a model may expose a field through two getters).
     */
    static List<String> in(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, 0);
        return found.stream().distinct().toList();
    }

    private static void walk(Object o, String path, List<String> found, int depth) {
        if (o == null || depth > MAX_DEPTH) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", found, depth + 1);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, found, depth + 1));
            return;
        }
        if (!isModel(o.getClass())) {
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (!isPropertyGetter(getter)) {
                continue;
            }
            Object value = invoke(getter, o);
            String name = getter.getName();
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> found.add(path.isEmpty() ? String.valueOf(k) : path + "." + k));
                }
                continue;
            }
            String prop = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            walk(value, path.isEmpty() ? prop : path + "." + prop, found, depth + 1);
        }
    }

    private static boolean isModel(Class<?> type) {
        String n = type.getName();
        return (n.startsWith("io.fabric8.") || n.startsWith("io.strimzi.")) && !type.isEnum();
    }

    private static boolean isPropertyGetter(Method m) {
        return m.getName().startsWith("get")
                && m.getName().length() > 3
                && m.getParameterCount() == 0
                && !Modifier.isStatic(m.getModifiers())
                && m.getDeclaringClass() != Object.class
                && !m.getReturnType().isPrimitive()
                && m.getReturnType() != String.class
                && !m.getName().equals("getClass");
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
