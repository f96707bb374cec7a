package io.rapport.platform.inbox;

/**
 * The service is shutting down while a consumer waits to retry a transient failure. The record is neither applied
 * nor dead-lettered nor committed: the channel stops ({@code failure-strategy=fail}) and the next consumer of the
 * partition reads it again.
 */
public class ConsumerStoppedException extends RuntimeException {
    public ConsumerStoppedException(String consumer) {
        super("consumer " + consumer + " stopped while retrying a transient failure; the record will be read again");
    }
}
