package io.rapport.gateway.domain;

/** Where a public path goes: the upstream's name in configuration and the group the role matrix applies to. */
public record Route(String upstream, RouteGroup group) {}
