#include "deadboltversion.h"
#include "mainwindow.h"
#include "screenshots.h"

#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>

// The editor's entry point: `deadbolt [FILE...]`. Everything else lives in ui/.
int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Deadbolt"));
    QApplication::setOrganizationName(QStringLiteral("Deadbolt"));
    QApplication::setOrganizationDomain(QStringLiteral("deadbolt.github.io"));
    QApplication::setApplicationVersion(QStringLiteral(DEADBOLT_VERSION_LONG));
    QApplication::setDesktopFileName(QStringLiteral("io.github.deadbolt.Deadbolt"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/deadbolt.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Editor for immutable container deployments (Docker Compose, Kubernetes)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"), QApplication::translate("main", "Files to open."),
                                 QStringLiteral("[FILE...]"));
    // For scripts/screenshots: render each file and exit.
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("main", "Save PNGs of the window into DIR and exit."), QStringLiteral("DIR"));
    parser.addOption(screenshots);
    const QCommandLineOption project(
        QStringLiteral("project"),
        QApplication::translate("main",
                                "Open the FILEs (or one folder: its compose.yaml and override) as one "
                                "Compose project, merged as docker compose merges them."));
    parser.addOption(project);
    parser.process(app);

    deadbolt::MainWindow window;
    if (parser.isSet(screenshots)) {
        const QStringList written =
            parser.isSet(project)
                ? deadbolt::saveProjectScreenshot(&window, parser.positionalArguments(),
                                                  parser.value(screenshots))
                : deadbolt::saveScreenshots(&window, parser.positionalArguments(), parser.value(screenshots));
        for (const QString &file : written)
            std::puts(qPrintable(file));
        return written.isEmpty() ? 1 : 0;
    }
    window.show();
    if (parser.isSet(project))
        window.openProject(parser.positionalArguments());
    else
        for (const QString &file : parser.positionalArguments())
            window.openFile(file);
    return app.exec();
}
