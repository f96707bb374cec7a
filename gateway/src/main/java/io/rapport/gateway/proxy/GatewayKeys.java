package io.rapport.gateway.proxy;

/** Names of the values the gateway's handlers leave on a request's RoutingContext for later handlers. */
public final class GatewayKeys {
    public static final String CALLER = "rapport.caller";
    public static final String ROUTE = "rapport.route";
    public static final String REQUEST_ID = "rapport.request-id";
    public static final String TRACEPARENT = "rapport.traceparent";

    private GatewayKeys() {}
}
