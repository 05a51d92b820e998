#include "changereview/reviewwindow.h"

#include "backgroundworkers.h"
#include "changereview/reviewchangemodel.h"
#include "review/gitsource.h"
#include "review/reviewsources.h"
#include "source/linediff.h"
#include "views/codeeditor.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace deadbolt {

namespace {

QLabel *titleLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

CodeEditor *textSide(const QString &objectName, QWidget *parent)
{
    auto *editor = new CodeEditor(parent);
    editor->setObjectName(objectName);
    editor->setReadOnly(true);
    return editor;
}

QWidget *column(QLabel *title, CodeEditor *editor, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(editor);
    return w;
}

} // namespace

ReviewWindow::ReviewWindow(QWidget *parent)
    : QWidget(parent, Qt::Window), m_model(new ReviewChangeModel(this)),
      m_summary(titleLabel(QStringLiteral("reviewSummary"), this)),
      m_errors(titleLabel(QStringLiteral("reviewErrors"), this)), m_changes(new QTableView(this)),
      m_files(new QComboBox(this)), m_oldTitle(titleLabel(QStringLiteral("reviewOldTitle"), this)),
      m_newTitle(titleLabel(QStringLiteral("reviewNewTitle"), this)),
      m_oldText(textSide(QStringLiteral("reviewOldText"), this)),
      m_newText(textSide(QStringLiteral("reviewNewText"), this)), m_busy(new QWidget(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("reviewWindow"));
    setWindowTitle(tr("Review"));
    resize(1100, 750);

    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_errors->hide();

    m_changes->setObjectName(QStringLiteral("reviewChanges"));
    m_changes->setModel(m_model);
    m_changes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->verticalHeader()->hide();
    m_changes->horizontalHeader()->setStretchLastSection(false);
    m_changes->horizontalHeader()->setSectionResizeMode(ReviewChangeModel::ChangeColumn,
                                                        QHeaderView::Stretch);
    m_changes->setWordWrap(false);
    connect(m_changes->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReviewWindow::onCurrentChanged);

    m_files->setObjectName(QStringLiteral("reviewFile"));
    m_files->setAccessibleName(tr("Compared file"));
    connect(m_files, &QComboBox::currentIndexChanged, this, [this](int index) { showFile(index); });

    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(column(m_oldTitle, m_oldText, sides));
    sides->addWidget(column(m_newTitle, m_newText, sides));

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_files);
    lowerLayout->addWidget(sides);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_changes);
    split->addWidget(lower);
    split->setStretchFactor(1, 2);

    m_busy->setObjectName(QStringLiteral("reviewBusy"));
    m_progress->setObjectName(QStringLiteral("reviewProgress"));
    m_cancel->setObjectName(QStringLiteral("reviewCancel"));
    auto *busy = new QHBoxLayout(m_busy);
    busy->setContentsMargins(0, 0, 0, 0);
    busy->addWidget(new QLabel(tr("Comparing..."), m_busy));
    busy->addWidget(m_progress, 1);
    busy->addWidget(m_cancel);
    m_busy->hide();
    connect(m_cancel, &QPushButton::clicked, this, &ReviewWindow::cancelComparison);
    connect(&m_watcher, &QFutureWatcher<Review>::finished, this, &ReviewWindow::comparisonFinished);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (!m_control)
            return;
        const int total = m_control->total.load();
        m_progress->setRange(0, total); // 0..0 is a busy bar until the files are counted
        m_progress->setValue(std::min(total, m_control->done.load()));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_busy);
    layout->addWidget(m_summary);
    layout->addWidget(m_errors);
    layout->addWidget(split);
}

ReviewWindow::~ReviewWindow()
{
    // The worker reads only its own copies and the shared control; it stops at the next file.
    if (m_control)
        m_control->cancel = true;
    m_watcher.waitForFinished();
    // The model points into m_review: detach it before the review goes.
    m_model->setReview(nullptr);
}

void ReviewWindow::startComparison(std::function<Review(ReviewControl *)> compare)
{
    if (m_control)
        m_control->cancel = true; // a comparison still running is replaced
    m_watcher.waitForFinished();
    m_control = std::make_shared<ReviewControl>();
    m_pending = true;
    m_progress->setRange(0, 0);
    m_busy->show();
    m_cancel->setEnabled(true);
    m_summary->setText(tr("Comparing..."));
    m_progressTimer.start();
    m_watcher.setFuture(
        QtConcurrent::run(backgroundWorkers(), [compare = std::move(compare), control = m_control] {
            return compare(control.get());
        }));
}

void ReviewWindow::comparisonFinished()
{
    m_progressTimer.stop();
    m_busy->hide();
    m_pending = false;
    if (m_watcher.isCanceled())
        return;
    setReview(m_watcher.result());
}

void ReviewWindow::cancelComparison()
{
    if (m_control)
        m_control->cancel = true;
    m_cancel->setEnabled(false);
}

bool ReviewWindow::waitForComparison(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (m_pending && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_pending;
}

void ReviewWindow::compareFiles(const QString &oldPath, const QString &newPath)
{
    setWindowTitle(tr("Review: %1 → %2").arg(QFileInfo(oldPath).fileName(), QFileInfo(newPath).fileName()));
    startComparison(
        [oldPath, newPath](ReviewControl *control) { return reviewPaths(oldPath, newPath, control); });
}

void ReviewWindow::compareWithGit(const QString &path, const QString &revision)
{
    const QFileInfo info(path);
    const QString dir = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    const QStringList paths = info.isDir() ? QStringList{} : QStringList{info.fileName()};
    setWindowTitle(tr("Review: %1 against %2").arg(info.fileName(), revision));
    startComparison(
        [dir, revision, paths](ReviewControl *control) { return reviewGit(dir, revision, paths, control); });
}

void ReviewWindow::setReview(Review review)
{
    m_model->setReview(nullptr);
    m_shownFile = -1;
    m_review = std::move(review);
    // The model keeps pointers into the files: they must be this review's own, not a buffer
    // shared with a copy (the background result), which a later write would detach from.
    m_review.files.detach();
    m_model->setReview(&m_review);

    m_summary->setText(summaryLine(summarize(m_review)));
    QStringList errors;
    for (const Diagnostic &d : m_review.errors)
        errors << d.message;
    for (const FileReview &f : m_review.files)
        for (const Diagnostic &d : f.errors)
            errors << (d.line > 0 ? QStringLiteral("%1:%2: %3").arg(d.file).arg(d.line).arg(d.message)
                                  : d.message);
    m_errors->setText(errors.join(QLatin1Char('\n')));
    m_errors->setVisible(!errors.isEmpty());

    const QSignalBlocker blocker(m_files);
    m_files->clear();
    for (const FileReview &f : m_review.files) {
        const int n = int(f.changes.size());
        m_files->addItem(n == 0
                             ? QStringLiteral("%1 (%2)").arg(f.path, fileStateName(f.state()))
                             : tr("%1 (%2, %n change(s))", nullptr, n).arg(f.path, fileStateName(f.state())));
    }
    m_files->setVisible(m_review.files.size() > 1);
    m_changes->resizeColumnToContents(ReviewChangeModel::SeverityColumn);
    m_changes->resizeColumnToContents(ReviewChangeModel::WorkloadColumn);
    // Open on the first change (a regression when there is one), else the first file.
    if (m_model->rowCount() > 0)
        selectChange(0);
    else
        showFile(m_review.files.isEmpty() ? -1 : 0);
}

int ReviewWindow::currentFile() const
{
    return m_files->currentIndex();
}

void ReviewWindow::showFile(int fileIndex, int oldPart, int newPart)
{
    if (m_files->currentIndex() != fileIndex) {
        const QSignalBlocker blocker(m_files);
        m_files->setCurrentIndex(fileIndex);
    }
    if (fileIndex < 0 || fileIndex >= m_review.files.size()) {
        m_shownFile = -1;
        m_oldText->clear();
        m_newText->clear();
        m_oldTitle->clear();
        m_newTitle->clear();
        return;
    }
    m_shownFile = fileIndex;
    m_shownOldPart = oldPart;
    m_shownNewPart = newPart;
    const FileReview &f = m_review.files[fileIndex];
    // A compared project shows one of its files a side: the one the selected change is in.
    auto part = [](const ReviewSide &side, int k) -> std::pair<QString, const std::string *> {
        if (side.projectFiles.empty() || k < 0 || std::size_t(k) >= side.projectFiles.size())
            return {side.label, &side.text};
        return {side.projectFiles[std::size_t(k)].label, &side.projectFiles[std::size_t(k)].text};
    };
    const auto [oldLabel, oldBytes] = part(f.before, oldPart);
    const auto [newLabel, newBytes] = part(f.after, newPart);
    m_oldTitle->setText(f.before.present ? oldLabel : tr("%1 (absent)").arg(oldLabel));
    m_newTitle->setText(f.after.present ? newLabel : tr("%1 (absent)").arg(newLabel));
    m_oldText->setPlainText(QString::fromStdString(*oldBytes));
    m_newText->setPlainText(QString::fromStdString(*newBytes));
    // The bars mark removed lines on the left and added ones on the right.
    QSet<int> removed;
    QSet<int> added;
    for (const DiffLine &line : diffLines(*oldBytes, *newBytes)) {
        if (line.kind == DiffLine::Removed)
            removed.insert(line.oldLine);
        else if (line.kind == DiffLine::Added)
            added.insert(line.newLine);
    }
    m_oldText->setChangedLines(removed);
    m_newText->setChangedLines(added);
    m_oldText->setMarkedLines(0, 0);
    m_newText->setMarkedLines(0, 0);
}

void ReviewWindow::selectChange(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    m_changes->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
    onCurrentChanged(); // also when the row was already current
}

void ReviewWindow::onCurrentChanged()
{
    const ReviewEntry *e = m_model->entry(m_changes->currentIndex().row());
    if (!e)
        return;
    const int fileIndex = int(e->file - m_review.files.constData());
    const int oldPart = std::max(0, e->change->oldLocation.file);
    const int newPart = std::max(0, e->change->newLocation.file);
    if (fileIndex != m_shownFile || oldPart != m_shownOldPart || newPart != m_shownNewPart)
        showFile(fileIndex, oldPart, newPart);
    for (const auto &[editor, line] : {std::pair{m_oldText, e->change->oldLocation.line},
                                       std::pair{m_newText, e->change->newLocation.line}}) {
        editor->setMarkedLines(line, line);
        if (line > 0)
            editor->goToLine(line);
    }
}

void showReviewWindow(QWidget *parent, const QString &oldPath, const QString &newPath)
{
    auto *window = new ReviewWindow(parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->compareFiles(oldPath, newPath);
    window->show();
}

void showGitReviewWindow(QWidget *parent, const QString &path, const QString &revision)
{
    auto *window = new ReviewWindow(parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->compareWithGit(path, revision);
    window->show();
}

} // namespace deadbolt
