package dev.rewind.ui.common;

import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.TargetPointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Dialogs for unit tests: the answers are set beforehand, and every dialog shown is recorded. */
public final class RecordingDialogs implements DialogService {
    /** An error dialog that was shown. */
    public record Error(String title, String message) {
    }

    /** A notice that was shown, and its Undo action (null when it had none). */
    public record Notice(String message, Runnable undo) {
    }

    public final List<MovePreview> previews = new ArrayList<>();
    public final List<Error> errors = new ArrayList<>();
    /** Each error's details (a stack trace), null where it had none; in the order of {@link #errors}. */
    public final List<String> details = new ArrayList<>();
    public final List<Notice> notices = new ArrayList<>();
    /** The reason typed in a move confirmation; empty: the person cancels. */
    public Optional<String> moveReason = Optional.empty();
    /** The override boxes the person ticks in a move confirmation. */
    public Set<MoveOverride> ticked = Set.of();
    /** The answer to a reason question (removing failed or stable); empty: the person cancels. */
    public Optional<String> reason = Optional.empty();
    /** The reason questions asked, as "title: question". */
    public final List<String> reasonQuestions = new ArrayList<>();
    public Optional<TagRequest> tag = Optional.empty();
    public Optional<Path> importSource = Optional.empty();
    public Optional<Path> savePath = Optional.empty();
    /** The answer when a catalog path has no file; empty: the person cancels. */
    public Optional<MissingCatalog> missingChoice = Optional.empty();
    /** The paths asked about because there was no catalog there. */
    public final List<Path> missingAsked = new ArrayList<>();
    /** The file picked when asked for another catalog; empty: the person cancels. */
    public Optional<Path> catalogFile = Optional.empty();

    /**
     * When set, the first move dialog that offers a link is answered "Link to MLflow alias…" with the offer as this
     * edits it (then it is cleared, so the dialog shown again after linking gets the usual answer).
     */
    public UnaryOperator<TargetPointer> linkFirst;

    @Override
    public Optional<MoveConfirmation> confirmMove(MovePreview preview) {
        previews.add(preview);
        if (linkFirst != null && preview.linkOffer() != null) {
            TargetPointer edited = linkFirst.apply(preview.linkOffer());
            linkFirst = null;
            return Optional.of(MoveConfirmation.link(edited));
        }
        // as in the real dialog: a blocked move, or one with an override box left unticked, can only be cancelled
        boolean allTicked = preview.needed().stream().allMatch(n -> ticked.contains(n.override()));
        return preview.allowed() && allTicked
                ? moveReason.map(r -> new MoveConfirmation(r, ticked.stream()
                        .filter(o -> preview.needed().stream().anyMatch(n -> n.override() == o)).collect(Collectors.toSet())))
                : Optional.empty();
    }

    @Override
    public Optional<String> askReason(String title, String question) {
        reasonQuestions.add(title + ": " + question);
        return reason;
    }

    @Override
    public Optional<TagRequest> askTag(String model, String version, List<String> knownKeys) {
        return tag;
    }

    @Override
    public void showError(String title, String message) {
        showError(title, message, null);
    }

    @Override
    public void showError(String title, String message, String details) {
        errors.add(new Error(title, message));
        this.details.add(details);
    }

    @Override
    public Optional<Path> askImportSource(boolean folder) {
        return importSource;
    }

    @Override
    public Optional<Path> askSavePath(String title, String suggestedName, String extension) {
        return savePath;
    }

    @Override
    public Optional<MissingCatalog> askMissingCatalog(Path path) {
        missingAsked.add(path);
        return missingChoice;
    }

    @Override
    public Optional<Path> askCatalogFile() {
        return catalogFile;
    }

    @Override
    public void notifyDone(String message, Runnable undo) {
        notices.add(new Notice(message, undo));
    }
}
