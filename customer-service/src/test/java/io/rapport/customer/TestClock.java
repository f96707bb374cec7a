package io.rapport.customer;

import io.rapport.devstack.OffsetClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The service's clock in tests (devstack's OffsetClock): real time plus an offset a test may move forward. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends OffsetClock {}
