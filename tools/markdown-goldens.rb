# Regenerates test/fixtures/markdown/*.html from *.md with Jekyll's own kramdown converter
# (the options Jekyll passes, GFM input, Rouge), so tests can compare without Ruby.
# Run: ruby tools/markdown-goldens.rb
require "jekyll"
require "tmpdir"

dir = File.expand_path("../test/fixtures/markdown", __dir__)
empty = Dir.mktmpdir
site = Jekyll::Site.new(Jekyll.configuration("source" => empty, "destination" => File.join(empty, "_site"), "quiet" => true))
converter = site.find_converter_instance(Jekyll::Converters::Markdown)
Dir[File.join(dir, "*.md")].sort.each do |file|
  File.write(file.sub(/\.md\z/, ".html"), converter.convert(File.read(file)))
  puts File.basename(file)
end
