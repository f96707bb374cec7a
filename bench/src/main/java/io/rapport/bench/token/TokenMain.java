package io.rapport.bench.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ./crm token --role sales --sub alice [--role marketing] [--ttl PT8H]}: prints a development JWT signed
 * with the dev key pair (created on first run under {@code .rapport/dev-jwt/}). {@code --init} only creates the
 * key pair and the gateway's service-token key pair ({@code .rapport/service-jwt/}). Such tokens are accepted only by
 * a gateway running in the dev profile.
 */
public final class TokenMain {
    private static final Set<String> ROLES = Set.of("admin", "sales", "marketing", "support", "data-steward");

    private TokenMain() {}

    public static void main(String[] args) throws Exception {
        List<String> roles = new ArrayList<>();
        String subject = null;
        Duration ttl = Duration.ofHours(8);
        boolean initOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--init" -> initOnly = true;
                case "--role" -> roles.addAll(List.of(value(args, ++i, "--role").split(",")));
                case "--sub" -> subject = value(args, ++i, "--sub");
                case "--ttl" -> ttl = Duration.parse(value(args, ++i, "--ttl"));
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (initOnly) {
            System.out.println(DevKeys.ensure().resolve("public.pem"));
            System.out.println(DevKeys.ensureServiceKeys().resolve("public.pem"));
            return;
        }
        if (roles.isEmpty()) {
            usage("name at least one --role (admin, sales, marketing, support, data-steward)");
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                usage("unknown role " + role + "; one of " + ROLES);
            }
        }
        String sub = subject == null ? roles.get(0) + "-user" : subject;
        System.out.println(DevTokens.sign(DevKeys.privateKey(), sub, List.copyOf(roles), ttl));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println(
                "usage: ./crm token --role <admin|sales|marketing|support|data-steward> [--role ...] [--sub NAME] [--ttl PT8H]");
        System.err.println("       ./crm token --init");
        System.exit(2);
    }
}
