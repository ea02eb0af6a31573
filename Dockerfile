# Lightpress: one image for every module; LIGHTPRESS_MODULES_LOCAL decides which ones a container runs.
#
#   docker build -t lightpress .
#
# Stages: builder (Maven wrapper, JDK) -> runtime (JRE and the extracted layers) -> training (a
# throwaway PostgreSQL and one start of the application, to record the CDS archive) -> the final
# image, which is runtime plus the archive and nothing of the training stage. The dev stage
# (docker-compose.dev.yml) is built only when asked for: --target dev.

FROM eclipse-temurin:17.0.17_10-jdk-noble AS builder
WORKDIR /workspace

# Dependencies first, in a layer of their own: it is rebuilt only when pom.xml or the wrapper change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -q dependency:go-offline

# Tests and checks run in CI (./mvnw verify); the image build only packages the jar.
COPY src/main/ src/main/
RUN ./mvnw -B -q package -DskipTests -Dmaven.test.skip=true -Dspotless.check.skip=true \
    && mkdir -p target/extracted \
    && java -Djarmode=tools -jar target/lightpress-*.jar extract --layers \
        --application-filename application.jar --destination target/extracted

# The layers are extracted without --launcher on purpose: the application then starts as a plain
# jar with a lib/ folder on the class path, which is what a CDS archive can record (classes loaded
# from jars nested in the uber jar cannot be archived).
FROM eclipse-temurin:17.0.17_10-jre-noble AS runtime
RUN groupadd --system --gid 10001 lightpress \
    && useradd --system --uid 10001 --gid lightpress --no-create-home --shell /usr/sbin/nologin lightpress
WORKDIR /application
COPY --from=builder /workspace/target/extracted/dependencies/ ./
COPY --from=builder /workspace/target/extracted/spring-boot-loader/ ./
COPY --from=builder /workspace/target/extracted/snapshot-dependencies/ ./
COPY --from=builder /workspace/target/extracted/application/ ./
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "application.jar"]

# Development image (docker-compose.dev.yml), never deployed: the runtime stage's libraries plus
# Spring Boot DevTools, and the classes as a folder, which compose watch keeps in step with the
# host's target/classes and DevTools watches. The jar above is repackaged without DevTools (Boot
# leaves it out of every repackaged jar), so the production image never has it.
FROM builder AS devtools
RUN ./mvnw -B -q dependency:copy-dependencies -DincludeArtifactIds=spring-boot-devtools \
        -DoutputDirectory=target/devtools

FROM runtime AS dev
COPY --from=devtools /workspace/target/devtools/ ./devtools/
COPY --from=builder --chown=10001:10001 /workspace/target/classes/ ./classes/

# CDS training run. Boot's recipe (-XX:ArchiveClassesAtExit with -Dspring.context.exit=onRefresh)
# refreshes the whole context, and Lightpress cannot refresh without a database: its Liquibase runs
# and the event registry need one while the beans are created. So this stage starts a throwaway
# PostgreSQL inside the build (the distribution's, 16 on noble: the training only needs the
# schema changes to apply), runs the application against it once, and keeps only the archive. It
# is built on the runtime stage so the archive matches the exact JVM, jars and paths it is used with.
FROM runtime AS training
USER root
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql \
    && rm -rf /var/lib/apt/lists/*
COPY docker/cds-training.sh /usr/local/bin/cds-training.sh
RUN sh /usr/local/bin/cds-training.sh

FROM runtime
COPY --from=training /application/application.jsa ./
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=application.jsa", "-jar", "application.jar"]
