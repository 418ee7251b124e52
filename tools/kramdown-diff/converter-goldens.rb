# Makes the converter's goldens: for each test/fixtures/kramdown/converter/NAME.md, kramdown's tree
# (NAME.json, in tools/kramdown-diff/ast.rb's shape) and Jekyll's HTML of it (NAME.html), with the
# site's `kramdown:` settings in NAME.options.json when there is one.
# Run: ruby tools/kramdown-diff/converter-goldens.rb [NAME...]
require "jekyll"
require "json"
require "tmpdir"

DIR = File.expand_path("../../test/fixtures/kramdown/converter", __dir__)

def plain(value)
  case value
  when Kramdown::Element then tree(value)
  when Kramdown::Utils::Entities::Entity then value.name ? "&#{value.name};" : "&##{value.code_point};"
  when Symbol then value.to_s
  when Hash then value.to_h { |k, v| [k.to_s, plain(v)] }
  when Array then value.map { |v| plain(v) }
  when String, Integer, Float, true, false, nil then value
  else value.to_s
  end
end

def tree(el)
  node = { "type" => el.type.to_s }
  node["value"] = plain(el.value) unless el.value.nil?
  node["attr"] = el.attr unless el.attr.empty?
  options = el.options.reject { |k, _| k == :location }
  node["options"] = plain(options) unless options.empty?
  node["children"] = el.children.map { |c| tree(c) } unless el.children.empty?
  node
end

names = ARGV.empty? ? Dir[File.join(DIR, "*.md")].map { |f| File.basename(f, ".md") } : ARGV
names.sort.each do |name|
  text = File.read(File.join(DIR, "#{name}.md"))
  options_file = File.join(DIR, "#{name}.options.json")
  settings = File.exist?(options_file) ? JSON.parse(File.read(options_file)) : {}
  empty = Dir.mktmpdir
  site = Jekyll::Site.new(Jekyll.configuration("source" => empty, "destination" => File.join(empty, "_site"),
                                               "quiet" => true, "kramdown" => settings))
  converter = site.find_converter_instance(Jekyll::Converters::Markdown)
  converter.setup
  config = converter.instance_variable_get(:@parser).instance_variable_get(:@config)
  root, = Kramdown::Parser::GFM.parse(text, Kramdown::Options.merge(config.transform_keys(&:to_sym)))
  File.write(File.join(DIR, "#{name}.json"), JSON.pretty_generate(tree(root)) + "\n")
  File.write(File.join(DIR, "#{name}.html"), converter.convert(text))
end
