package dev.rewind.ui.shell;

import dev.rewind.domain.RewindException;
import dev.rewind.service.ServerLogin;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * File → "Connect to PostgreSQL…": the server, database and user of a team catalog. The password may stay empty:
 * then PGPASSWORD or ~/.pgpass gives it, as on the command line. A field that cannot be right is named in one line
 * and the dialog stays open.
 */
final class ConnectDialog extends Dialog<ServerLogin> {
    ConnectDialog(Map<String, String> env) {
        setTitle("Connect to PostgreSQL");
        setHeaderText("Open a team catalog on a PostgreSQL server");
        getDialogPane().setId("connect-dialog");
        TextField host = field("connect-host", env.getOrDefault("PGHOST", ""), "db.example.com");
        TextField port = field("connect-port", env.getOrDefault("PGPORT", "5432"), "5432");
        TextField database = field("connect-database", env.getOrDefault("PGDATABASE", ""), "rewind");
        TextField user = field("connect-user", env.getOrDefault("PGUSER", System.getProperty("user.name", "")), "");
        PasswordField password = new PasswordField();
        password.setId("connect-password");
        password.setPromptText("empty: PGPASSWORD or ~/.pgpass");
        ComboBox<String> sslmode = new ComboBox<>();
        sslmode.setId("connect-sslmode");
        sslmode.getItems().setAll(ServerLogin.SSL_MODES);
        sslmode.setValue(env.getOrDefault("PGSSLMODE", ""));
        sslmode.setPromptText("driver's default");
        Label problem = new Label();
        problem.setId("connect-problem");
        problem.getStyleClass().add("rw-danger");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Host"), host);
        grid.addRow(1, new Label("Port"), port);
        grid.addRow(2, new Label("Database"), database);
        grid.addRow(3, new Label("User"), user);
        grid.addRow(4, new Label("Password"), password);
        grid.addRow(5, new Label("SSL mode"), sslmode);
        grid.add(problem, 1, 6);
        getDialogPane().setContent(grid);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, connect);
        getDialogPane().lookupButton(connect).setId("connect-confirm");
        ServerLogin[] checked = new ServerLogin[1];
        getDialogPane().lookupButton(connect).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                checked[0] = ServerLogin.of(host.getText(), port.getText(), database.getText(), user.getText(),
                        password.getText(), sslmode.getValue());
            } catch (RewindException bad) {
                problem.setText(bad.getMessage());
                e.consume(); // stays open, the field named
            }
        });
        setResultConverter(b -> b == connect ? checked[0] : null);
    }

    private static TextField field(String id, String text, String prompt) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
