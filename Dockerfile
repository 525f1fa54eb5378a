# spoke as a container image: `docker build -t spoke .` then, in a dbt project after `dbt run`:
#   docker run --rm -v "$PWD:/project" --user "$(id -u):$(id -g)" -e SUPPORT_HOOK_SECRET spoke sync
# docs/orchestration/container.md has the details. CI lints this file without a Docker engine (.ci/dockerfile-check).

# Build stage: Maven packages target/spoke.jar and its runtime dependencies in target/lib.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src/main ./src/main
RUN mvn -B -q -Dmaven.test.skip=true package

# Runtime stage: a JRE only (glibc-based, which DuckDB's bundled native library needs), run as a non-root user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 spoke \
    && useradd --system --uid 10001 --gid spoke --create-home --home-dir /home/spoke spoke
COPY --from=build /build/target/spoke.jar /opt/spoke/spoke.jar
COPY --from=build /build/target/lib /opt/spoke/lib
WORKDIR /project
USER 10001:10001
ENV DBT_PROJECT_DIR=/project
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", "-Duser.timezone=UTC", "-jar", "/opt/spoke/spoke.jar"]
CMD ["--help"]
