using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A database that refuses connections, rejects the client's credentials, or drops established connections.</summary>
internal sealed partial class DatabaseUnreachableSignature : FailureSignature
{
    public override string Id => "database-unreachable";

    [GeneratedRegex(@"((:|port )(5432|3306|6379|27017|1433|5433|26257)\b|postgres\w*|mysql|mariadb|mongo\w*|redis|\bdb\b|database)[^\n]{0,160}(connection refused|ECONNREFUSED|Connection refused)|(connection refused|ECONNREFUSED)[^\n]{0,80}(:(5432|3306|6379|27017|1433)\b|postgres|mysql|database)|could not connect to (server|database)|Can't connect to (local )?MySQL server|Communications link failure|the database system is (starting up|shutting down|in recovery mode)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RefusedPattern();

    [GeneratedRegex(@"password authentication failed|Access denied for user|authentication failed for user|role ""[^""]+"" does not exist|no pg_hba\.conf entry|SCRAM authentication|Login failed for user|WRONGPASS|NOAUTH Authentication required", RegexOptions.CultureInvariant)]
    private static partial Regex AuthPattern();

    [GeneratedRegex(@"server closed the connection unexpectedly|terminating connection due to administrator command|Lost connection to MySQL server|MySQL server has gone away|connection reset by peer[^\n]{0,60}(5432|3306|db|database)|SSL SYSCALL error: EOF detected|the connection is closed", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DroppedPattern();

    [GeneratedRegex(@"(db|database|postgres\w*|mysql\w*|mariadb|primary|replica)[\w-]*[^\n]{0,60}(rescheduled|restarted|failover|failed over|evicted|drain\w*|still starting|down|OOMKilled)|(failover|drain\w*|restart\w*)[^\n]{0,60}(db|database|postgres|mysql)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseEventPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("refused", RefusedPattern(), 5),
        Indicator.Of("auth", AuthPattern(), 8),
        Indicator.Of("dropped", DroppedPattern(), 4.5),
        Indicator.Of("db-event", DatabaseEventPattern(), 2),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["db"];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts) => ev.CapUnless(2.5, "refused", "auth", "dropped");

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var (enWhat, zhWhat) = ev.Has("auth") ? ("rejects its credentials", "拒绝其凭据")
            : ev.Has("refused") ? ("refuses its connections (down, restarting or not listening)", "拒绝其连接（宕机、重启中或未监听）")
            : ("drops its established connections", "断开其已建立的连接");
        var title = l.T($"{who} cannot use its database: the database {enWhat}", $"{who} 无法使用数据库：数据库{zhWhat}");
        var mysql = f.Clauses.Any(c => c.Text.Contains("mysql", StringComparison.OrdinalIgnoreCase) || c.Text.Contains(":3306", StringComparison.Ordinal));
        var check = mysql ? "mysqladmin -h HOST -P 3306 -u USER -p status; mysql -h HOST -u USER -p -e 'SHOW PROCESSLIST'"
            : "pg_isready -h HOST -p 5432; psql \"host=HOST user=USER dbname=DB\" -c 'select 1'";
        return Result(ev, title,
            l.T("Connecting with the service's own credentials from its pod succeeds while the errors continue.", "错误持续时，用服务自身的凭据从其 pod 连接数据库成功。"),
            title,
            [
                Step(l, "Connect from the service's pod with its credentials.", "在服务的 pod 内用其凭据连接数据库。", check,
                    "Refused, authentication failure or a reset, matching the logs.", "与日志一致的拒绝连接、认证失败或连接重置。"),
                Step(l, "Check the database's own state and recent restarts or credential changes.", "检查数据库自身状态以及最近的重启或凭据变更。",
                    $"kubectl get pods -A | grep -iE '{(mysql ? "mysql|mariadb" : "postgres|pg")}'; kubectl get events -A --sort-by=.lastTimestamp | grep -iE 'db|database' | tail",
                    "The database pod restarting or rescheduled, or a rotated secret.", "数据库 pod 正在重启或被重新调度，或凭据被轮换。"),
            ],
            [
                Mitigate(l, ev.Has("auth") ? "Restore the credentials the service uses (previous secret version) and restart the service." : "Bring the database back (fail over to a replica or wait for it to finish starting) and keep the service's retries bounded.",
                    ev.Has("auth") ? "恢复服务使用的凭据（上一版 secret）并重启服务。" : "恢复数据库（切换到副本或等待其启动完成），并限制服务的重试。",
                    "A failover can lose the last transactions of an async replica.", "切换到异步副本可能丢失最后的事务。", "Fail back once the primary is healthy, or re-apply the new secret.", "主库恢复后切回，或重新应用新凭据。"),
            ],
            [
                Follow(l, "P1", "Alert on database availability and authentication failures separately from application errors", "对数据库可用性和认证失败单独告警，不混在应用错误里", "Database team", "数据库团队"),
            ]);
    }
}
