/**
 * The customer service's own model: the commands its use cases take (a customer, a purchase, a refund, a consent
 * decision, a cost item, an import row) and the views they answer. The service, registration and messaging layers
 * speak these records; {@code rest/} reuses them as request and response bodies (their bean-validation and
 * {@code @Schema} annotations describe the HTTP contract) and keeps only resources and the bodies no use case below it
 * needs. Nothing outside {@code rest/} imports from {@code rest/} ({@code LayeringTest}).
 */
package io.rapport.customer.model;
