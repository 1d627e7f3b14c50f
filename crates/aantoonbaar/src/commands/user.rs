//! `aantoonbaar user add`: the first administrator, and anyone after.

use super::{CommandResult, Database};
use aantoonbaar_app::accounts;
use aantoonbaar_app::clock::Clock;
use aantoonbaar_rules::Role;
use aantoonbaar_store::{Actor, Scope};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Create a staff account and print a one-time link to set its password.
    /// Creates the board when it does not exist yet.
    Add(AddArgs),
}

#[derive(clap::Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub db: Database,
    /// The board's name, e.g. "Stichting Kerobei".
    #[arg(long)]
    pub board: String,
    /// Role code: CvB, ST, D, TL, BS, AP, OP, OPT or FG. Repeat for several.
    #[arg(long = "role", required = true)]
    pub roles: Vec<String>,
    #[arg(long)]
    pub email: String,
    /// Full name (default: the part of the e-mail address before the @).
    #[arg(long)]
    pub name: Option<String>,
    /// board, school or groups (default: the first role's usual scope).
    #[arg(long)]
    pub scope: Option<String>,
    /// BRIN code of a school the user works in (scope school). Repeatable.
    #[arg(long = "school")]
    pub schools: Vec<String>,
    /// Id of a group the user teaches (scope groups). Repeatable.
    #[arg(long = "group")]
    pub groups: Vec<String>,
    /// Address people use to reach the server, for the link.
    #[arg(long, env = "AANTOONBAAR_BASE_URL", default_value = "http://127.0.0.1:8080")]
    pub base_url: String,
}

pub async fn run(command: Command) -> CommandResult {
    let Command::Add(args) = command;
    let store = args.db.open().await?;
    let clock = Clock::system();
    let scope = match &args.scope {
        Some(scope) => scope.clone(),
        None => {
            let first =
                args.roles.first().map(|r| Role::from_code(r)).transpose().map_err(|_| "unknown role".to_owned())?;
            first.map_or("board", |r| r.natural_scope().code()).to_owned()
        }
    };
    let board = store.ensure_board(args.board.trim(), clock.now()).await.map_err(|e| e.to_string())?;
    let board = store.board(&board.id);
    let schools = board.schools(&Scope::Board).await.map_err(|e| e.to_string())?;
    let mut scope_ids = Vec::new();
    for brin in &args.schools {
        let brin = brin.trim().to_uppercase();
        let school =
            schools.iter().find(|s| s.brin == brin).ok_or_else(|| format!("no school with BRIN code {brin}"))?;
        scope_ids.push(school.id.clone());
    }
    scope_ids.extend(args.groups.iter().cloned());
    let name = args.name.clone().unwrap_or_else(|| args.email.split('@').next().unwrap_or_default().to_owned());
    let user = accounts::parse_new_user(&args.email, &name, &args.roles, &scope, scope_ids)
        .map_err(|errors| errors.iter().map(|e| format!("{}: {}", e.field, e.detail)).collect::<Vec<_>>().join("\n"))?;
    let actor = Actor::command_line(clock.now());
    let (user, link) =
        accounts::create_with_link(board, &actor, &user, &args.base_url).await.map_err(|e| e.to_string())?;
    println!(
        "created {} ({}) for board '{}'",
        user.email,
        user.roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(", "),
        args.board
    );
    println!("one-time link to set the password (valid 7 days): {link}");
    Ok(())
}
