# The Gatehouse server image (docker-compose.yml builds it). Build stage: the Maven wrapper, no tests
# (CI runs them); run stage: a JRE and the executable jar, as a non-root user.
FROM eclipse-temurin:17.0.16_8-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package -pl server -am

FROM eclipse-temurin:17.0.16_8-jre
# the data directory exists in the image, owned by the app's user: a named volume mounted on it starts with
# that owner, so the non-root process can write it
RUN useradd --system --create-home gatehouse \
    && mkdir -p /home/gatehouse/data && chown gatehouse:gatehouse /home/gatehouse/data
USER gatehouse
WORKDIR /home/gatehouse
COPY --from=build /src/server/target/gatehouse-server-exec.jar /opt/gatehouse/gatehouse.jar
EXPOSE 8080 7000
ENTRYPOINT ["java", "-jar", "/opt/gatehouse/gatehouse.jar"]
