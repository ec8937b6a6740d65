//! `foikit templates export DIR` and `foikit templates list`

use std::path::PathBuf;
use std::process::ExitCode;

use foikit::compose::TemplateSet;

use super::Failure;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Write the built-in templates (and their README) to DIR for editing.
    Export {
        /// Folder to write into (created if missing).
        dir: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// List the templates in use: built-in, or overridden by --templates.
    List {
        /// A folder of templates overriding the built-ins.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
}

pub fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Export { dir, force } => {
            let written = TemplateSet::export(&dir, force)?;
            outln!("wrote {} files to {}; render with --templates {}", written.len(), dir.display(), dir.display());
        }
        Command::List { templates } => {
            let set = super::template_set(templates.as_ref())?;
            for (name, _) in set.iter() {
                outln!("{name:32} {}", set.origin(name));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
