import java.sql.DriverManager;

/** Runs one SQL statement: java -cp mariadb-java-client.jar .ci/Sql.java URL USER PASSWORD SQL (no mariadb client needed). */
class Sql {
    public static void main(String[] args) throws Exception {
        try (var connection = DriverManager.getConnection(args[0], args[1], args[2]);
                var statement = connection.createStatement()) {
            statement.execute(args[3]);
        }
    }
}
