package io.rapport.devstack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class ContainerInfraTest {

    @Test
    void askingForContainersWithoutDockerFailsFastWithAClearMessage() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        assumeFalse(docker, "a Docker daemon answers here, so containers would start");
        assertThatThrownBy(ContainerInfra::requireDocker)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RAPPORT_INFRA=containers")
                .hasMessageContaining("no Docker daemon");
    }
}
