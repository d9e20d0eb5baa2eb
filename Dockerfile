# syntax=docker/dockerfile:1
# The incidents CLI as an image. Build: docker compose build (or docker build -t incident-streams .).
# Run: docker run --rm -e KAFKA_BOOTSTRAP_SERVERS=host:9092 incident-streams <command>, e.g. enrich.

# Build stage: the whole reactor, tests skipped (broker tests start child JVMs; run them with mvn verify).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds, so a source change does not download every dependency again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

# Runtime stage: a JRE, the CLI jar and its runtime dependencies, run as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system incidents \
 && useradd --system --gid incidents --home-dir /var/lib/incidents --create-home incidents
COPY --from=build /src/cli/target/lib/ /app/lib/
COPY --from=build /src/cli/target/incidents.jar /app/incidents.jar
# State (Kafka Streams stores, the CLI's data dir) goes to a folder the user owns; mount a volume there to keep it.
ENV INCIDENTS_DATA_DIR=/var/lib/incidents \
    INCIDENTS_STATE_DIR=/var/lib/incidents/state
USER incidents
WORKDIR /var/lib/incidents
# Exec form: no shell, so the JVM gets SIGTERM directly on docker stop; java itself expands the lib/* wildcard.
ENTRYPOINT ["java", "-cp", "/app/lib/*:/app/incidents.jar", "io.incidentstreams.cli.IncidentsCli"]
CMD ["--help"]
