# The portal's image: built from the sources with the Maven wrapper, run on a Java 17 runtime.
# Base images are pinned to an exact Temurin release; bump both lines together.
#   docker build -t certportal:0.1.0 .
FROM eclipse-temurin:17.0.13_11-jdk-jammy AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package && cp target/certportal-*.jar /src/certportal.jar

FROM eclipse-temurin:17.0.13_11-jre-jammy
# Never root: the CA key store volume is owned by this user.
RUN groupadd --system certportal && useradd --system --gid certportal --home-dir /app certportal \
    && mkdir -p /app /data/ca && chown -R certportal:certportal /data
WORKDIR /app
COPY --from=build /src/certportal.jar /app/certportal.jar
USER certportal
ENV CERTPORTAL_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/certportal.jar"]
