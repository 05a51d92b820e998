#include "review/reviewwindow.h"

#include "report/linediff.h"
#include "review/gitsource.h"
#include "review/reviewchangemodel.h"
#include "review/reviewsources.h"
#include "views/codeeditor.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

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
      m_newText(textSide(QStringLiteral("reviewNewText"), this))
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

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_errors);
    layout->addWidget(split);
}

ReviewWindow::~ReviewWindow()
{
    // The model points into m_review: detach it before the review goes.
    m_model->setReview(nullptr);
}

void ReviewWindow::compareFiles(const QString &oldPath, const QString &newPath)
{
    setWindowTitle(tr("Review: %1 → %2").arg(QFileInfo(oldPath).fileName(), QFileInfo(newPath).fileName()));
    setReview(reviewPaths(oldPath, newPath));
}

void ReviewWindow::compareWithGit(const QString &path, const QString &revision)
{
    const QFileInfo info(path);
    const QString dir = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    const QStringList paths = info.isDir() ? QStringList{} : QStringList{info.fileName()};
    setWindowTitle(tr("Review: %1 against %2").arg(info.fileName(), revision));
    setReview(reviewGit(dir, revision, paths));
}

void ReviewWindow::setReview(Review review)
{
    m_model->setReview(nullptr);
    m_shownFile = -1;
    m_review = std::move(review);
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

void ReviewWindow::showFile(int fileIndex)
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
    const FileReview &f = m_review.files[fileIndex];
    m_oldTitle->setText(f.before.present ? f.before.label : tr("%1 (absent)").arg(f.before.label));
    m_newTitle->setText(f.after.present ? f.after.label : tr("%1 (absent)").arg(f.after.label));
    m_oldText->setPlainText(QString::fromStdString(f.before.text));
    m_newText->setPlainText(QString::fromStdString(f.after.text));
    // The bars mark removed lines on the left and added ones on the right.
    QSet<int> removed;
    QSet<int> added;
    for (const DiffLine &line : diffLines(f.before.text, f.after.text)) {
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
    if (fileIndex != m_shownFile)
        showFile(fileIndex);
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
