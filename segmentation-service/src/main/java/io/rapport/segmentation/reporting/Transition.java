package io.rapport.segmentation.reporting;

/** How many customers moved from one class to another in a period (fromClass null: first classification). */
public record Transition(String fromClass, String toClass, long customers) {}
