#pragma once

// Running a program (deadbolt-cli, git) from a CLI test and reading what it printed.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace deadbolt::testing {

struct Run
{
    int exitCode = -1; // stays -1 when the program did not finish normally
    QByteArray out;
    QString err;
};

inline Run runProgram(const QString &program, const QStringList &args, const QString &workDir = QString(),
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit) {
        qWarning("%s %s did not finish normally: %s", qPrintable(program),
                 qPrintable(args.join(QLatin1Char(' '))), qPrintable(p.errorString()));
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The JSON object printed; a warning with the start of the text when it is not JSON.
inline QJsonObject parseJson(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), text.left(300).constData());
    return doc.object();
}

} // namespace deadbolt::testing
