package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.ProofRepository;
import dev.rewind.domain.CheckResult;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.TargetCheck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

final class SqliteProofs implements ProofRepository {
    private final Jdbc jdbc;

    SqliteProofs(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TargetCheck> check(long targetId) {
        return jdbc.one("read target check", "SELECT command, timeout_ms FROM target_checks WHERE target_id = ?",
                rs -> new TargetCheck(rs.getString("command"), Duration.ofMillis(rs.getLong("timeout_ms"))), targetId);
    }

    @Override
    public void setCheck(long targetId, TargetCheck check) {
        jdbc.update("remove target check", "DELETE FROM target_checks WHERE target_id = ?", targetId);
        if (check != null) {
            jdbc.update("set target check", "INSERT INTO target_checks(target_id, command, timeout_ms) VALUES (?,?,?)",
                    targetId, check.command(), check.timeout().toMillis());
        }
    }

    @Override
    public void record(long eventId, long at, MoveProof proof) {
        CheckResult c = proof.check();
        jdbc.update("record move proof", "INSERT INTO move_proofs(event_id, at, verified, detail, check_command, "
                        + "check_outcome, check_exit, check_output) VALUES (?,?,?,?,?,?,?,?)",
                eventId, at, proof.verified() ? 1 : 0, proof.detail(), c == null ? null : c.command(),
                c == null ? null : c.outcome().name().toLowerCase(Locale.ROOT), c == null ? null : c.exitCode(),
                c == null ? null : c.output());
    }

    @Override
    public Map<Long, MoveProof> ofModel(String model) {
        Map<Long, MoveProof> out = new LinkedHashMap<>();
        jdbc.list("read move proofs", "SELECT p.* FROM move_proofs p JOIN events e ON e.id = p.event_id "
                + "JOIN models m ON m.id = e.model_id WHERE m.name = ? ORDER BY p.event_id", rs -> {
                    out.put(rs.getLong("event_id"), proof(rs));
                    return null;
                }, model);
        return out;
    }

    private static MoveProof proof(ResultSet rs) throws SQLException {
        String command = rs.getString("check_command");
        CheckResult c = command == null ? null : new CheckResult(command,
                CheckResult.Outcome.valueOf(rs.getString("check_outcome").toUpperCase(Locale.ROOT)),
                rs.getInt("check_exit"), rs.getString("check_output"));
        return new MoveProof(rs.getInt("verified") == 1, rs.getString("detail"), c);
    }
}
