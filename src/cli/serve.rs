//! `foikit serve [DIR]`: the local web app (see `foikit::serve`).

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use foikit::case::Date;
use foikit::compose::Composer;
use foikit::serve::{self, App};

use super::Failure;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder of case files (subfolders included); default the current folder.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The address to listen on. Anything but 127.0.0.1 (or ::1) lets other
    /// machines in, and the app has no login.
    #[arg(long, default_value = "127.0.0.1")]
    addr: IpAddr,
    /// The port; 0 picks a free one (the URL is printed either way).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// A folder of templates overriding the built-ins file by file.
    #[arg(long)]
    templates: Option<PathBuf>,
    /// A YAML file of bank holidays proclaimed after this release (as for `foikit deadline`).
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// The day the case list is as at (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    foikit::render::source_date_epoch()?;
    let composer = Composer::new(super::template_set(args.templates.as_ref())?)?
        .with_calendar(super::calendar(args.holidays.as_ref())?);
    let calendar = super::calendar(args.holidays.as_ref())?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(args.addr, args.port))
            .await
            .map_err(|e| format!("error: cannot listen on {}:{}: {e}", args.addr, args.port))?;
        let local = listener.local_addr()?;
        let mut app = App::new(&args.dir, composer, calendar, serve::hosts_for(local))
            .map_err(|e| format!("error: cannot use {} as the case folder: {e}", args.dir.display()))?;
        if let Some(day) = &args.today {
            app.today = Some(Date::parse_iso(day)?);
        }
        if !local.ip().is_loopback() {
            eprintln!(
                "warning: listening on {local}: other machines can reach this app, and it has no login; anyone who can reach it can read and change every case"
            );
        }
        outln!("foikit serve: http://{local}/");
        eprintln!("serving the cases in {} (Ctrl-C to stop)", app.root.display());
        serve::serve(listener, Arc::new(app)).await?;
        Ok::<_, Failure>(ExitCode::SUCCESS)
    })
}
