# frozen_string_literal: true

# GitHub Pages' Jekyll, as far as Debian's Jekyll 4.3 can be it: the github-pages gem's
# GitHubPages::Configuration (github/pages-gem, lib/github-pages/configuration.rb and plugins.rb)
# without the gem. Load it before Jekyll makes the site, so that its after_reset hook rewrites the
# config before plugins are required, as the gem's does:
#
#   RUBYOPT="-r$PWD/tools/compat/github-pages.rb" jekyll build -s SITE -d OUT
#
# Beyond the gem: a theme can be read from a local folder instead of a gem or GitHub
# (GITHUB_PAGES_THEME_DIR=/path/to/theme), as jekyll-remote-theme reads a downloaded one; and, as
# on GitHub Pages (Jekyll 3.10), a theme's own _config.yml is not read.
require "jekyll"

module GitHubPagesCompat
  DEFAULT_PLUGINS = %w(
    jekyll-gist jekyll-github-metadata jekyll-paginate jekyll-relative-links
    jekyll-optional-front-matter jekyll-readme-index jekyll-default-layout
    jekyll-titles-from-headings
  ).freeze

  PLUGIN_WHITELIST = %w(
    jekyll-coffeescript jekyll-commonmark-ghpages jekyll-feed jekyll-gist jekyll-github-metadata
    jekyll-paginate jekyll-redirect-from jekyll-seo-tag jekyll-sitemap jekyll-avatar jemoji
    jekyll-mentions jekyll-relative-links jekyll-optional-front-matter jekyll-readme-index
    jekyll-default-layout jekyll-titles-from-headings jekyll-include-cache jekyll-octicons
    jekyll-remote-theme
  ).freeze

  DEFAULTS = {
    "future" => true,
    "theme" => "jekyll-theme-primer",
    "markdown" => "kramdown",
    "kramdown" => {
      "input" => "GFM",
      "hard_wrap" => false,
      "gfm_quirks" => "paragraph_end",
      "syntax_highlighter_opts" => { "default_lang" => "plaintext" },
    },
  }.freeze

  OVERRIDES = {
    "lsi" => false,
    "safe" => true,
    "whitelist" => PLUGIN_WHITELIST,
    "highlighter" => "rouge",
    "kramdown" => { "template" => "", "math_engine" => "mathjax", "syntax_highlighter" => "rouge" },
    "gist" => { "noscript" => false },
    # Jekyll 3.10 never reads a theme's _config.yml.
    "ignore_theme_config" => true,
  }.freeze

  # Jekyll 3.10 reads no theme _data (4.3 merges it under the site's).
  module NoThemeData
    def data_path
      nil
    end
  end
  Jekyll::Theme.prepend(NoThemeData)

  # A theme that is no installed gem is left for the after_reset hook below (GitHub Pages has
  # every supported theme; Jekyll would stop here, before any plugin could step in).
  module ThemeFromElsewhere
    private

    def configure_theme
      name = config["theme"]
      return super unless name.is_a?(String) && !GitHubPagesCompat.gem_theme?(name)

      self.theme = nil
    end
  end
  Jekyll::Site.prepend(ThemeFromElsewhere)

  # GitHub Pages runs jekyll-relative-links 0.6.1; Debian ships 0.7.0, which also rewrites links
  # with titles, decodes `%20` and reads `/a.md` from the site's folder. This is 0.6.1's rewrite.
  module RelativeLinks061
    FRAGMENT = %r!(#.+?)?!.freeze
    INLINE = %r!\[(.*?)\]\(([^\)]+?)#{FRAGMENT}\)!.freeze
    REFERENCE = %r!^\s*?\[(.*?)\]: (.+?)#{FRAGMENT}\s*?$!.freeze
    LINK = %r!(#{INLINE}|#{REFERENCE})!.freeze

    def replace_relative_links!(document)
      url_base = File.dirname(document.relative_path)
      return document if document.content.nil?

      document.content = document.content.dup.gsub(LINK) do |original|
        m = Regexp.last_match
        text, path, fragment = m[2] ? [m[2], m[3], m[4]] : [m[5], m[6], m[7]]
        next original unless replaceable_link?(path)

        from_root = File.expand_path(path.sub(%r!\A/!, ""), url_base)
          .sub(%r!\A#{Regexp.escape(Dir.pwd)}/!, "")
        target = potential_targets.find { |p| p.relative_path.sub(%r!\A/!, "") == from_root }
        next original unless target&.url

        url = relative_url(target.url)
        url += fragment if fragment
        m[2] ? "[#{text}](#{url})" : "\n[#{text}]: #{url}"
      end
    rescue ArgumentError => e
      raise e unless e.to_s.start_with?("invalid byte sequence in UTF-8")
    end
  end

  # A theme read from a folder, as jekyll-remote-theme makes one from a downloaded zip.
  class LocalTheme < Jekyll::Theme
    def initialize(name, root)
      @name = name
      @root = File.realpath(root)
    end

    attr_reader :root

    def runtime_dependencies
      gemspec = Dir[File.join(root, "*.gemspec")].first
      return [] unless gemspec

      File.read(gemspec).scan(%r!add_(?:runtime_)?dependency\(?\s*["']([a-z_-]+)["']!).flatten
        .map { |name| Gem::Dependency.new(name) }
    end
  end

  def self.effective_config(user)
    defaults = DEFAULTS
    defaults = defaults.merge("sass" => { "style" => "compressed" }) if Jekyll.env == "production"
    config = Jekyll::Utils.deep_merge_hashes(defaults, user)
    config["theme"] = user["theme"] if user.key?("theme")
    # Jekyll 3.10 has no default excludes beyond its DEFAULTS' list, which the gem's replaces:
    # what the site lists, or CNAME alone. (Jekyll 4.3 has added its own list by now; the site's
    # own is read again from its _config.yml.)
    own = own_config(user["source"])
    config["exclude"] = own.key?("exclude") ? Array(own["exclude"]) : ["CNAME"]
    config = Jekyll::Utils.deep_merge_hashes(config, OVERRIDES)
    # jekyll-remote-theme is not packaged: configure_theme below does its work.
    config["plugins"] = (Array(config["plugins"]) | DEFAULT_PLUGINS) - ["jekyll-remote-theme"]
    config
  end

  def self.own_config(source)
    file = %w(_config.yml _config.yaml).map { |name| File.join(source.to_s, name) }.find { |f| File.file?(f) }
    (file && YAML.safe_load(File.read(file), permitted_classes: [Date, Time, Symbol], aliases: true)) || {}
  end

  def self.gem_theme?(name)
    Gem::Specification.find_by_name(name)
    true
  rescue Gem::MissingSpecError
    false
  end

  # `remote_theme:` or `theme:`, read from GITHUB_PAGES_THEME_DIR (the stand-in for GitHub), from
  # an installed gem, or left out with a warning.
  def self.configure_theme(site, config)
    remote = config["remote_theme"]
    name = remote ? remote.to_s.split("@").first.split("/").last.downcase : config["theme"]
    dir = ENV["GITHUB_PAGES_THEME_DIR"].to_s
    config["theme"] = nil unless remote.nil? && !name.nil? && dir.empty? && gem_theme?(name.to_s)
    site.config = config
    return if name.nil? || site.theme

    if dir.empty?
      Jekyll.logger.warn "GitHub Pages:", "the theme #{remote || name} is not installed; built without it"
      return
    end
    site.config["theme"] = name.to_s
    site.theme = LocalTheme.new(name.to_s, dir)
    site.theme.configure_sass if site.theme.respond_to?(:configure_sass)
    site.send(:configure_include_paths)
    site.plugin_manager.require_theme_deps
  end
end

Jekyll::Hooks.register :site, :post_read do |site|
  # Jekyll 3.10 keeps a collection's files without front matter in the collection only (4.x also
  # adds them to site.static_files): on GitHub Pages, jekyll-optional-front-matter, jekyll-sitemap
  # and `site.static_files` never see them. They are still written, with the collection's documents.
  collection_files = site.collections.values.flat_map(&:files)
  site.static_files -= collection_files unless collection_files.empty?

  generator = defined?(JekyllRelativeLinks::Generator) && JekyllRelativeLinks::Generator
  generator.prepend(GitHubPagesCompat::RelativeLinks061) if generator && !(generator < GitHubPagesCompat::RelativeLinks061)
end

Jekyll::Hooks.register :site, :after_reset do |site|
  next if site.instance_variable_get(:@_github_pages_processed)

  site.instance_variable_set(:@_github_pages_processed, true)
  GitHubPagesCompat.configure_theme(site, GitHubPagesCompat.effective_config(site.config))
end
