package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conformance check itself: it must notice typos, wrong types and unknown kinds (no kubectl needed). */
class ModelsTest {

    @Test
    void aTypoInADeploymentIsReportedWithItsPath() {
        var problems = Models.problems(Rendered.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinesProbe: {httpGet: {path: /q/health/ready, port: http}}
                """).objects().get(0));

        assertThat(problems).containsExactly("unknown field spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void aWellFormedDeploymentHasNoProblem() {
        var problems = Models.problems(Rendered.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
                          lifecycle: {preStop: {sleep: {seconds: 5}}}
                """).objects().get(0));

        assertThat(problems).isEmpty();
    }

    @Test
    void anUnknownFieldInAStrimziResourceIsReported() {
        var problems = Models.problems(Rendered.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: c}}
                spec: {topicName: a.b, partitions: 3, replica: 3}
                """).objects().get(0));

        assertThat(problems).containsExactly("unknown field spec.replica");
    }

    @Test
    void aCloudNativePgClusterIsCheckedAgainstItsSchema() {
        var problems = Models.problems(Rendered.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  instances: 3
                  storage: {size: 10Gi}
                  affinity: {podAntiAffinityType: always}
                  bootstrap: {initdb: {database: d, owner: d, secrets: x}}
                """).objects().get(0));

        assertThat(problems)
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("podAntiAffinityType"))
                .anySatisfy(p -> assertThat(p).contains("secrets"));
    }

    @Test
    void aKindWithoutModelIsReported() {
        var problems = Models.problems(Rendered.parse("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """).objects().get(0));

        assertThat(problems).singleElement().asString().contains("no model or schema for example.com/v1/Widget");
    }
}
