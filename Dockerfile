# The Gatehouse server image (docker-compose.yml builds it). Build stage: the Maven wrapper, no tests
# (CI runs them); run stage: a JRE and the executable jar, as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package -pl server -am

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home gatehouse
USER gatehouse
WORKDIR /home/gatehouse
COPY --from=build /src/server/target/gatehouse-server-exec.jar /opt/gatehouse/gatehouse.jar
EXPOSE 8080 7000
ENTRYPOINT ["java", "-jar", "/opt/gatehouse/gatehouse.jar"]
